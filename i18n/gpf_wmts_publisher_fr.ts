<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>@default</name>
    <message>
        <location filename="../ui/main.py" line="68"/>
        <source>Géoplateforme WMTS</source>
        <translation>Géoplateforme WMTS</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="70"/>
        <source>Publish current layer as WMTS…</source>
        <translation>Publier la couche courante en WMTS…</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="74"/>
        <source>Connect to the Géoplateforme…</source>
        <translation>Se connecter à la Géoplateforme…</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="76"/>
        <source>Published services</source>
        <translation>Services publiés</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="78"/>
        <source>Zoom-level inspector</source>
        <translation>Inspecteur des niveaux de zoom</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="73"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="83"/>
        <source>Sandbox base URL (empty: the configured platform)</source>
        <translation>URL du bac à sable local (vide : la plateforme configurée)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="89"/>
        <source>Datastore id (empty: your first community&apos;s)</source>
        <translation>Identifiant de l'entrepôt (vide : celui de votre première communauté)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="91"/>
        <source>Journal folder (empty: beside the QGIS profile)</source>
        <translation>Dossier du journal (vide : à côté du profil QGIS)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="97"/>
        <source>Selected features only</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Reuse this VECTOR-DB stored data id (skip the upload)</source>
        <translation>Réutiliser cette donnée stockée VECTOR-DB (sans téléversement)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="101"/>
        <source>WMS-V title</source>
        <translation>Titre du WMS-V</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="101"/>
        <source>WMTS title (service title)</source>
        <translation>Titre du WMTS (titre du service)</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="60"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="106"/>
        <source>Keywords (comma separated)</source>
        <translation>Mots-clés (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="108"/>
        <source>Top level (least detailed, 0–21)</source>
        <translation>Niveau haut (le moins détaillé, 0–21)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="111"/>
        <source>Bottom level (most detailed, 0–21)</source>
        <translation>Niveau bas (le plus détaillé, 0–21)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="114"/>
        <source>Harvest extent (empty: the layer&apos;s extent)</source>
        <translation>Emprise du moissonnage (vide : l'emprise de la couche)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="116"/>
        <source>Tile format</source>
        <translation>Format des tuiles</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="121"/>
        <source>Restricted access (own datastore only)</source>
        <translation>Accès restreint (entrepôt propre uniquement)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="123"/>
        <source>Producer (organisation)</source>
        <translation>Producteur (organisme)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="43"/>
        <source>Datasheet name (fiche de données)</source>
        <translation>Nom de la fiche de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="45"/>
        <source>WMTS technical name</source>
        <translation>Nom technique du WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="137"/>
        <source>WMTS layer name</source>
        <translation>Nom de la couche WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="138"/>
        <source>WMTS capabilities URL</source>
        <translation>URL des capacités WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="140"/>
        <source>Journal file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <location filename="../plugin/processing/map_input.py" line="82"/>
        <source>No layer to publish.</source>
        <translation>Aucune couche à publier.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="192"/>
        <source>No credentials: choose an authentication configuration, or set GPF_USERNAME and GPF_PASSWORD.</source>
        <translation>Aucun identifiant : choisissez une configuration d'authentification, ou définissez GPF_USERNAME et GPF_PASSWORD.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="204"/>
        <source>Your account belongs to no community.</source>
        <translation>Votre compte n'appartient à aucune communauté.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="277"/>
        <source>Cancelled; run again to resume, or use “Undo a publication”.</source>
        <translation>Annulé ; relancez pour reprendre, ou utilisez « Annuler une publication ».</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="294"/>
        <source>Publish layer as WMTS</source>
        <translation>Publier la couche en WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="297"/>
        <source>&lt;p&gt;Publishes a vector layer as a WMTS on the Géoplateforme, as the guide &lt;i&gt;Créer et publier un service WMTS&lt;/i&gt; does by hand: upload (GeoPackage), integration, SLD style checked before upload, WMS-Vector, raster pyramid over the chosen zoom levels (TOP to BOTTOM on the PM grid), metadata, WMTS, access restriction and cartes.gouv.fr tags.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Publie une couche vecteur en WMTS sur la Géoplateforme, comme le guide &lt;i&gt;Créer et publier un service WMTS&lt;/i&gt; le fait à la main : téléversement (GeoPackage), intégration, style SLD vérifié avant l'envoi, WMS-Vecteur, pyramide raster sur les niveaux de zoom choisis (TOP à BOTTOM de la grille PM), métadonnées, WMTS, restriction d'accès et étiquettes cartes.gouv.fr.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="338"/>
        <source>Step {label}</source>
        <translation>Étape {label}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="341"/>
        <source>Publication, step by step</source>
        <translation>Publication, étape par étape</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="347"/>
        <source>&lt;p&gt;Runs the publication up to this step and stops: “{label}”. Steps before it that are not finished yet run first; finished ones are skipped (read from the journal). Use the same names in every step so they form one publication.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exécute la publication jusqu'à cette étape puis s'arrête : « {label} ». Les étapes précédentes non terminées s'exécutent d'abord ; celles déjà terminées sont sautées (lues dans le journal). Utilisez les mêmes noms à chaque étape pour qu'elles forment une seule publication.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="30"/>
        <source>Undo a publication</source>
        <translation>Annuler une publication</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="47"/>
        <source>Removed resources</source>
        <translation>Ressources supprimées</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="60"/>
        <source>No journal for this publication: nothing to undo.</source>
        <translation>Aucun journal pour cette publication : rien à annuler.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="66"/>
        <source>removed {kind}</source>
        <translation>{kind} supprimé(e)</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="65"/>
        <source>Cancelled: the publication can be resumed or undone.</source>
        <translation>Annulé : la publication peut être reprise ou annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="70"/>
        <source>The task stopped.</source>
        <translation>La tâche s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="83"/>
        <source>Publishing {name} as WMTS</source>
        <translation>Publication de {name} en WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="113"/>
        <source>Removing the publication {name}</source>
        <translation>Suppression de la publication {name}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="86"/>
        <source>Authentication configuration (login/password or OAuth2)</source>
        <translation>Configuration d'authentification (identifiant/mot de passe ou OAuth2)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/help_texts.py" line="19"/>
        <source>&lt;p&gt;&lt;b&gt;Connection&lt;/b&gt;: PLATFORM_URL is empty for the Géoplateforme configured in the plugin, or the base URL of a local sandbox (e.g. http://127.0.0.1:8765). AUTHCFG is a QGIS authentication configuration: Basic (login/password) or OAuth2 (QGIS signs in, in the browser for the authorization-code flow); with qgis_process the environment variables GPF_USERNAME and GPF_PASSWORD can be used instead. DATASTORE is the datastore id (empty: the datastore of your first community).&lt;/p&gt;&lt;p&gt;The run writes a journal (JOURNAL_DIR, default beside the QGIS profile): running the same publication again resumes after the last finished step and never creates a resource twice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Connexion&lt;/b&gt; : PLATFORM_URL est vide pour la Géoplateforme configurée dans l'extension, ou l'URL de base d'un bac à sable local (par ex. http://127.0.0.1:8765). AUTHCFG est une configuration d'authentification QGIS : Basic (identifiant/mot de passe) ou OAuth2 (QGIS se connecte, dans le navigateur pour le flux « authorization code ») ; avec qgis_process, les variables d'environnement GPF_USERNAME et GPF_PASSWORD peuvent les remplacer. DATASTORE est l'identifiant de l'entrepôt (vide : celui de votre première communauté).&lt;/p&gt;&lt;p&gt;L'exécution écrit un journal (JOURNAL_DIR, par défaut à côté du profil QGIS) : relancer la même publication reprend après la dernière étape terminée et ne crée jamais deux fois une ressource.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="23"/>
        <source>The Géoplateforme refused the request</source>
        <translation>La Géoplateforme a refusé la requête</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="24"/>
        <source>The Géoplateforme rejected the request as invalid</source>
        <translation>La Géoplateforme a rejeté la requête comme invalide</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="26"/>
        <source>Authentication with the Géoplateforme failed</source>
        <translation>L'authentification auprès de la Géoplateforme a échoué</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="27"/>
        <source>Not signed in to the Géoplateforme, or the session expired; sign in again</source>
        <translation>Non connecté à la Géoplateforme, ou la session a expiré ; reconnectez-vous</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="30"/>
        <source>Your account has no right to do this on this datastore</source>
        <translation>Votre compte n'a pas le droit de faire cela sur cet entrepôt</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="32"/>
        <source>The Géoplateforme sign-in service refused the credentials: check the login, the password and the one-time code</source>
        <translation>Le service de connexion de la Géoplateforme a refusé les identifiants : vérifiez l'identifiant, le mot de passe et le code à usage unique</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="35"/>
        <source>The Géoplateforme does not know this resource</source>
        <translation>La Géoplateforme ne connaît pas cette ressource</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="36"/>
        <source>The Géoplateforme refused because of a conflict (name taken or wrong state)</source>
        <translation>La Géoplateforme a refusé à cause d'un conflit (nom déjà pris ou mauvais état)</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="39"/>
        <source>The Géoplateforme asks to slow down; try again in a moment</source>
        <translation>La Géoplateforme demande de ralentir ; réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="41"/>
        <source>The Géoplateforme had an internal error; try again later</source>
        <translation>La Géoplateforme a rencontré une erreur interne ; réessayez plus tard</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="43"/>
        <source>Could not reach the Géoplateforme (network, proxy or timeout); check the connection and try again</source>
        <translation>Impossible de joindre la Géoplateforme (réseau, proxy ou délai dépassé) ; vérifiez la connexion et réessayez</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="46"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="77"/>
        <source>A local file could not be written or read: {reason}.</source>
        <translation>Un fichier local n'a pas pu être écrit ou lu : {reason}.</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="82"/>
        <source>Unexpected error ({kind}): {message}. The QGIS log (Géoplateforme WMTS) has the details.</source>
        <translation>Erreur inattendue ({kind}) : {message}. Le journal de QGIS (Géoplateforme WMTS) en donne le détail.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="118"/>
        <source>Harvest despite the zoom-level warnings (never beyond the platform&apos;s tile cap)</source>
        <translation>Moissonner malgré les avertissements sur les niveaux de zoom (jamais au-delà du plafond de tuiles de la plateforme)</translation>
    </message>
    <message>
        <location filename="../plugin/pyramid/tile_limit.py" line="54"/>
        <source>Set FORCE to harvest these levels anyway.</source>
        <translation>Activez FORCE pour moissonner ces niveaux malgré tout.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/export.py" line="69"/>
        <source>GeoPackage export of &apos;{0}&apos; failed: {1}</source>
        <translation>l'export GeoPackage de « {0} » a échoué : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="93"/>
        <source>endpoint {0} lists no {1} URL</source>
        <translation>le point d'accès {0} n'indique aucune URL {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="100"/>
        <source>offering {0} lists no {1} URL</source>
        <translation>l'offre {0} n'indique aucune URL {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="113"/>
        <source>the datastore offers no processing named &apos;{0}&apos;</source>
        <translation>l'entrepôt ne propose aucun traitement nommé « {0} »</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="161"/>
        <source>{0} ended: {1}</source>
        <translation>{0} : traitement terminé en « {1} »</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="181"/>
        <source>{0}: the stored data is unstable</source>
        <translation>{0} : la donnée stockée est instable</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="37"/>
        <source>no layer to upload and no stored data to reuse</source>
        <translation>aucune couche à téléverser et aucune donnée stockée à réutiliser</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="69"/>
        <source>upload {0} is {1}</source>
        <translation>la livraison {0} est dans l'état : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="84"/>
        <source>stored data {0} is {1} ({2}); a generated VECTOR-DB is needed</source>
        <translation>la donnée stockée {0} est de type {1} ({2}) ; il faut une VECTOR-DB générée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="108"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="132"/>
        <source>upload</source>
        <translation>envoi</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="139"/>
        <source>the file changed while it was sent</source>
        <translation>le fichier a changé pendant son envoi</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="151"/>
        <source>upload sent</source>
        <translation>livraison envoyée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="162"/>
        <source>the upload checks failed: {0}</source>
        <translation>les vérifications de la livraison ont échoué : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="166"/>
        <source>the upload checks</source>
        <translation>la vérification de la livraison</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="168"/>
        <source>checks passed</source>
        <translation>vérifications réussies</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="60"/>
        <source>the integration</source>
        <translation>l'intégration</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="35"/>
        <source>stored data {0} has no table</source>
        <translation>la donnée stockée {0} n'a aucune table</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="39"/>
        <source>integrated</source>
        <translation>intégrée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="62"/>
        <source>the metadata is incomplete: {0}</source>
        <translation>les métadonnées sont incomplètes : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="139"/>
        <source>the datastore has no METADATA endpoint</source>
        <translation>l'entrepôt n'a aucun point d'accès METADATA</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="126"/>
        <source>metadata published</source>
        <translation>métadonnées publiées</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="50"/>
        <source>no extent to harvest: choose one</source>
        <translation>aucune emprise à moissonner : choisissez-en une</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="84"/>
        <source>the pyramid harvest</source>
        <translation>le moissonnage de la pyramide</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="92"/>
        <source>pyramid generated</source>
        <translation>pyramide générée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/restriction.py" line="18"/>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/restriction.py" line="23"/>
        <source>permission granted</source>
        <translation>permission accordée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="45"/>
        <source>the offering&apos;s publication</source>
        <translation>la publication de l'offre</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="54"/>
        <source>offering {0} is unstable</source>
        <translation>l'offre {0} est instable</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="77"/>
        <source>the datastore&apos;s community is unknown</source>
        <translation>la communauté de l'entrepôt est inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="146"/>
        <source>style uploaded</source>
        <translation>style déposé</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="66"/>
        <source>a layer is needed to build the style</source>
        <translation>il faut une couche pour construire le style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="89"/>
        <source>the style cannot be published: {0}</source>
        <translation>le style ne peut pas être publié : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="124"/>
        <source>the icon &apos;{0}&apos; is not uploaded: {1}</source>
        <translation>l'icône « {0} » n'est pas déposée : {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/tags.py" line="50"/>
        <source>tagged</source>
        <translation>étiquetée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="43"/>
        <source>the datastore has no WMS-VECTOR endpoint with room left</source>
        <translation>l'entrepôt n'a plus de point d'accès WMS-VECTOR disponible</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="190"/>
        <source>WMS-V configured</source>
        <translation>WMS-V configuré</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="77"/>
        <source>WMS-V published</source>
        <translation>WMS-V publié</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="144"/>
        <source>the platform returned no hash for the harvest key</source>
        <translation>la plateforme n'a renvoyé aucune empreinte pour la clé de moissonnage</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmts.py" line="33"/>
        <source>the datastore has no WMTS-TMS endpoint with room left</source>
        <translation>l'entrepôt n'a plus de point d'accès WMTS-TMS disponible</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="214"/>
        <source>WMTS configured</source>
        <translation>WMTS configuré</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmts.py" line="81"/>
        <source>WMTS published</source>
        <translation>WMTS publié</translation>
    </message>
    <message>
        <location filename="../plugin/publish/undo.py" line="52"/>
        <source>do not know how to remove a {0}</source>
        <translation>suppression impossible : type de ressource inconnu ({0})</translation>
    </message>
    <message>
        <location filename="../plugin/publish/unpublish.py" line="32"/>
        <source>the unpublication</source>
        <translation>la dépublication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/unpublish.py" line="49"/>
        <source>the configuration&apos;s deletion</source>
        <translation>la suppression de la configuration</translation>
    </message>
    <message>
        <location filename="../plugin/publish/waiting.py" line="140"/>
        <source>{0} did not finish within {1:.0f} s</source>
        <translation>{0} : pas terminé en {1:.0f} s</translation>
    </message>
    <message>
        <location filename="../plugin/publish/waiting.py" line="140"/>
        <source>the platform</source>
        <translation>la plateforme</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="219"/>
        <source>the platform created an execution without output stored data</source>
        <translation>la plateforme a créé une exécution sans donnée stockée en sortie</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="275"/>
        <source>the execution&apos;s abort</source>
        <translation>l'interruption de l'exécution</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>Datasheet name (empty: &lt;prefix&gt;_&lt;layer&gt;)</source>
        <translation>Nom de la fiche de données (vide : &lt;préfixe&gt;_&lt;couche&gt;)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>WMS-V technical name (empty: &lt;datasheet&gt;_wmsv)</source>
        <translation>Nom technique du WMS-V (vide : &lt;fiche&gt;_wmsv)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>Pyramid technical name (empty: &lt;datasheet&gt;_pyramide)</source>
        <translation>Nom technique de la pyramide (vide : &lt;fiche&gt;_pyramide)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>WMTS technical name (empty: &lt;datasheet&gt;_wmts)</source>
        <translation>Nom technique du WMTS (vide : &lt;fiche&gt;_wmts)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="255"/>
        <source>DATASHEET is needed when no layer is given.</source>
        <translation>DATASHEET est obligatoire quand aucune couche n'est donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="313"/>
        <source>Dry run: check everything, create nothing</source>
        <translation>Essai à blanc : tout vérifier, ne rien créer</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="316"/>
        <source>Dry run report</source>
        <translation>Rapport de l'essai à blanc</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="22"/>
        <source>Dry run (create nothing)</source>
        <translation>Essai à blanc (rien n'est créé)</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="24"/>
        <source>Checks the style, the names against the platform, the metadata and the tile estimate, and lists what would be created. Nothing is created.</source>
        <translation>Vérifie le style, les noms auprès de la plateforme, les métadonnées et l'estimation des tuiles, et liste ce qui serait créé. Rien n'est créé.</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="41"/>
        <source>Dry run: checking…</source>
        <translation>Essai à blanc : vérification…</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="42"/>
        <source>Dry run of the publication</source>
        <translation>Essai à blanc de la publication</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="55"/>
        <source>Dry run failed: {0}</source>
        <translation>L'essai à blanc a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="36"/>
        <source>processing execution</source>
        <translation>exécution de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="36"/>
        <source>permission</source>
        <translation>permission</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="37"/>
        <source>offering</source>
        <translation>offre</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="37"/>
        <source>configuration</source>
        <translation>configuration</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="38"/>
        <source>style file</source>
        <translation>fichier de style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="38"/>
        <source>annex</source>
        <translation>annexe</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="53"/>
        <source>stored data</source>
        <translation>donnée stockée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="54"/>
        <source>metadata</source>
        <translation>métadonnées</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="40"/>
        <source>key access</source>
        <translation>accès de clé</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="50"/>
        <source>processing executions</source>
        <translation>exécutions de traitement</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="50"/>
        <source>permissions</source>
        <translation>permissions</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="51"/>
        <source>offerings (published services)</source>
        <translation>offres (services publiés)</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="52"/>
        <source>configurations</source>
        <translation>configurations</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="52"/>
        <source>style files</source>
        <translation>fichiers de style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="53"/>
        <source>annexes (icons, legends)</source>
        <translation>annexes (icônes, légendes)</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="54"/>
        <source>uploads</source>
        <translation>livraisons</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="55"/>
        <source>key accesses</source>
        <translation>accès de clés</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="70"/>
        <source>Kept: the permission &quot;{0}&quot;, which also serves other services.</source>
        <translation>Conservée : la permission « {0} », qui sert aussi d'autres services.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="83"/>
        <source>the processing&apos;s abort</source>
        <translation>l'interruption du traitement</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="117"/>
        <source>the stored data&apos;s deletion</source>
        <translation>la suppression de la donnée stockée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="123"/>
        <source>the execution&apos;s deletion</source>
        <translation>la suppression de l'exécution</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="165"/>
        <source>Cancelled after {0} of {1} removals: run Delete datasheet again to finish.</source>
        <translation>Annulé après {0} suppressions sur {1} : relancez « Supprimer la fiche » pour terminer.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="183"/>
        <source>Deleting the datasheet &quot;{0}&quot; stopped at the {1} ({2} of {3} removals done): {4}. Run Delete datasheet again to finish.</source>
        <translation>La suppression de la fiche « {0} » s'est arrêtée sur : {1} ({2} suppressions faites sur {3}) : {4}. Relancez « Supprimer la fiche » pour terminer.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="190"/>
        <source>datasheet deleted</source>
        <translation>fiche supprimée</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="37"/>
        <source>levels {0}–{1}</source>
        <translation>niveaux {0} à {1}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="38"/>
        <source>level {0}</source>
        <translation>niveau {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="65"/>
        <source>restricted</source>
        <translation>restreint</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="78"/>
        <source>until {0}</source>
        <translation>jusqu'au {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="79"/>
        <source>Permission: {0}</source>
        <translation>Permission : {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="82"/>
        <source>Key access: {0}</source>
        <translation>Accès de clé : {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="95"/>
        <source>Services without a datasheet</source>
        <translation>Services sans fiche de données</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="96"/>
        <source>{0} services</source>
        <translation>{0} service(s)</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Vector data</source>
        <translation>Données vecteur</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Pyramids</source>
        <translation>Pyramides</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Other stored data</source>
        <translation>Autres données stockées</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="110"/>
        <source>Other services</source>
        <translation>Autres services</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="111"/>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="112"/>
        <source>Uploads</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="65"/>
        <source>open to all</source>
        <translation>tout public</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="41"/>
        <source>harvest key</source>
        <translation>clé de moissonnage</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="56"/>
        <source>harvest keys made by the publication</source>
        <translation>clés de moissonnage créées par la publication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="72"/>
        <source>Your other keys are kept: they serve other services.</source>
        <translation>Vos autres clés sont conservées : elles servent d'autres services.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="253"/>
        <source>this publication has no WMTS yet: resume it instead</source>
        <translation>cette publication n'a pas encore de WMTS : reprenez-la plutôt</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="323"/>
        <source>Undoing the update of a WMTS</source>
        <translation>Annulation de la mise à jour d'un WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="323"/>
        <source>Updating a WMTS in place: {0}</source>
        <translation>Mise à jour d'un WMTS sur place : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="369"/>
        <source>Cancelled: the update can be resumed or undone.</source>
        <translation>Annulée : la mise à jour peut être reprise ou annulée.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="67"/>
        <source>the offering&apos;s synchronisation</source>
        <translation>la synchronisation de l'offre</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="82"/>
        <source>offering {0} is unstable after its synchronisation</source>
        <translation>l'offre {0} est instable après sa synchronisation</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="192"/>
        <source>WMS-V synchronised</source>
        <translation>WMS-V synchronisé</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="217"/>
        <source>WMTS synchronised</source>
        <translation>WMTS synchronisé</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="236"/>
        <source>the datasheet has no metadata record to update</source>
        <translation>la fiche de données n'a pas de métadonnées à mettre à jour</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="259"/>
        <source>metadata updated</source>
        <translation>métadonnées mises à jour</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="299"/>
        <source>previous version removed</source>
        <translation>version précédente supprimée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="128"/>
        <source>{0} is not published: there is nothing to update</source>
        <translation>{0} n'est pas publié : il n'y a rien à mettre à jour</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="162"/>
        <source>the WMS-V the pyramid was harvested from is gone: the WMTS cannot be updated</source>
        <translation>le WMS-V moissonné pour la pyramide n'existe plus : le WMTS ne peut pas être mis à jour</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="203"/>
        <source>only a WMTS can be updated here</source>
        <translation>seul un WMTS peut être mis à jour ici</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="130"/>
        <source>nothing to update: choose what changes</source>
        <translation>rien à mettre à jour : choisissez ce qui change</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="135"/>
        <source>an unfinished update of this WMTS is waiting with other choices: resume it with the same choices or undo it</source>
        <translation>une mise à jour inachevée de ce WMTS attend avec d'autres choix : reprenez-la avec les mêmes choix ou annulez-la</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="274"/>
        <source>this update has already removed the previous version: it can only be resumed</source>
        <translation>cette mise à jour a déjà supprimé la version précédente : elle ne peut qu'être reprise</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="200"/>
        <source>Update the WMTS in place</source>
        <translation>Mettre à jour le WMTS sur place</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="38"/>
        <source>no vector layer selected</source>
        <translation>aucune couche vecteur sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="39"/>
        <source>New data: the features and style of the current layer ({0})</source>
        <translation>Nouvelles données : les objets et le style de la couche courante ({0})</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="41"/>
        <source>New style: the symbology of the current layer ({0})</source>
        <translation>Nouveau style : la symbologie de la couche courante ({0})</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="43"/>
        <source>New level range</source>
        <translation>Nouvelle plage de niveaux</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="49"/>
        <source>New extent: the extent of the current layer</source>
        <translation>Nouvelle emprise : l'emprise de la couche courante</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="50"/>
        <source>New metadata</source>
        <translation>Nouvelles métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="58"/>
        <source>Top and bottom levels</source>
        <translation>Niveaux du haut et du bas</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="59"/>
        <source>Public title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="121"/>
        <source>Update…</source>
        <translation>Mettre à jour…</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="123"/>
        <source>Change the data, style, levels, extent or metadata of the selected WMTS; its address stays the same.</source>
        <translation>Change les données, le style, les niveaux, l'emprise ou les métadonnées du WMTS sélectionné ; son adresse ne change pas.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="172"/>
        <source>The update was undone: the WMTS serves what it served.</source>
        <translation>La mise à jour est annulée : le WMTS sert ce qu'il servait.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="189"/>
        <source>{0} updated in place ({1}); its address has not changed.</source>
        <translation>{0} mis à jour sur place ({1}) ; son adresse n'a pas changé.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="200"/>
        <source>{0}

Undo this update? The WMTS goes back to what it served; otherwise the same update can be resumed later.</source>
        <translation>{0}

Annuler cette mise à jour ? Le WMTS revient à ce qu'il servait ; sinon la même mise à jour pourra être reprise plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="302"/>
        <source>&lt;p&gt;As the guide, it can start from what exists (at most one of them): REUSE_STORED_DATA skips the upload, REUSE_WMSV harvests an existing WMS-V, REUSE_PYRAMID serves an existing pyramid (only the WMTS). With one of them the layer may stay empty, and an empty DATASHEET takes the reused resource&apos;s. A datasheet that has a metadata record keeps it: the new WMTS is added to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Comme le guide, il peut partir de l'existant (une seule ressource au plus) : REUSE_STORED_DATA évite la livraison, REUSE_WMSV moissonne un WMS-V existant, REUSE_PYRAMID diffuse une pyramide existante (seulement le WMTS). Avec l'une d'elles la couche peut rester vide, et un DATASHEET vide prend celui de la ressource réutilisée. Une fiche de données qui a déjà ses métadonnées les garde : le nouveau WMTS y est ajouté.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Harvest this existing WMS-V (its configuration id, offering id or layer name): no upload, no style, no new WMS-V</source>
        <translation>Moissonner ce WMS-V existant (identifiant de sa configuration, de son offre ou nom de couche) : ni livraison, ni style, ni nouveau WMS-V</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Serve this existing raster pyramid (its stored data id or name): only the WMTS, its metadata and restriction</source>
        <translation>Diffuser cette pyramide raster existante (identifiant ou nom de la donnée stockée) : seulement le WMTS, ses métadonnées et sa restriction</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="44"/>
        <source>Give at most one of REUSE_STORED_DATA, REUSE_WMSV and REUSE_PYRAMID.</source>
        <translation>Donnez au plus un de REUSE_STORED_DATA, REUSE_WMSV et REUSE_PYRAMID.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="33"/>
        <source>&lt;p&gt;Removes everything a publication created, newest first: permission, WMTS offering and configuration, metadata, pyramid, WMS-V offering and configuration, style, stored data and upload. Running executions are aborted first. What was reused, not created (a stored data, a WMS-V, a pyramid), is kept, and the datasheet&apos;s metadata record is written back as it was. The publication is named by its datastore, datasheet and WMTS technical name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Supprime tout ce qu'une publication a créé, du plus récent au plus ancien : permission, offre et configuration WMTS, métadonnées, pyramide, offre et configuration WMS-V, style, donnée stockée et livraison. Les traitements en cours sont d'abord interrompus. Ce qui a été réutilisé et non créé (une donnée stockée, un WMS-V, une pyramide) est conservé, et les métadonnées de la fiche de données sont remises telles qu'elles étaient. La publication est désignée par son entrepôt, sa fiche de données et le nom technique du WMTS.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="43"/>
        <source>configuration {0} is a {1}, not a WMS-V</source>
        <translation>la configuration {0} est de type {1}, pas un WMS-V</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="48"/>
        <source>the WMS-V {0} is not published: it cannot be harvested</source>
        <translation>le WMS-V {0} n'est pas publié : il ne peut pas être moissonné</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="86"/>
        <source>stored data {0} is {1} ({2}); a generated {3} is needed</source>
        <translation>la donnée stockée {0} est de type {1} ({2}) ; une donnée {3} générée est nécessaire</translation>
    </message>
    <message>
        <location filename="../plugin/publish/sources.py" line="191"/>
        <source>no WMS-V service named &apos;{0}&apos; in this datastore</source>
        <translation>aucun service WMS-V nommé « {0} » dans cet entrepôt</translation>
    </message>
    <message>
        <location filename="../plugin/publish/sources.py" line="206"/>
        <source>no stored data &apos;{0}&apos; of type {1} in this datastore</source>
        <translation>aucune donnée stockée « {0} » de type {1} dans cet entrepôt</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="145"/>
        <source>metadata of the datasheet completed</source>
        <translation>métadonnées de la fiche complétées</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="62"/>
        <source>existing pyramid read</source>
        <translation>pyramide existante lue</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="38"/>
        <source>existing WMS-V read</source>
        <translation>WMS-V existant lu</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reopen_survey.py" line="136"/>
        <source>Use “Undo a publication” (or the wizard's Start again), then run again.</source>
        <translation>Utilisez « Annuler une publication » (ou Recommencer dans l'assistant), puis relancez.</translation>
    </message>
    <message>
        <location filename="../ui/name_watch.py" line="78"/>
        <source>Checking the name on the platform</source>
        <translation>Vérification du nom sur la plateforme</translation>
    </message>
    <message>
        <location filename="../ui/reopen_offers.py" line="57"/>
        <source>Comparing this publication's journal with the platform…</source>
        <translation>Comparaison du journal de cette publication avec la plateforme…</translation>
    </message>
    <message>
        <location filename="../ui/reopen_offers.py" line="68"/>
        <source>Comparing the journal with the platform</source>
        <translation>Comparaison du journal avec la plateforme</translation>
    </message>
    <message>
        <location filename="../plugin/processing/map_input.py" line="25"/>
        <source>Layer(s) to publish, or the name of a layer group (a map); empty when an existing resource is reused</source>
        <translation>Couche(s) à publier, ou le nom d'un groupe de couches (une carte) ; vide quand une ressource existante est réutilisée</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="157"/>
        <source>the stored data has no table for the layer &apos;{0}&apos; ({1})</source>
        <translation>la donnée stockée n'a pas de table pour la couche « {0} » ({1})</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="57"/>
        <source>the WMS-V capabilities are not XML: {0}</source>
        <translation>les capacités du WMS-V ne sont pas du XML : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="62"/>
        <source>the WMS-V capabilities list no layer named &apos;{0}&apos;</source>
        <translation>les capacités du WMS-V ne listent aucune couche nommée « {0} »</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="73"/>
        <source>the WMS-V layer &apos;{0}&apos; has no sub-layer for the table &apos;{1}&apos;</source>
        <translation>la couche WMS-V « {0} » n'a pas de sous-couche pour la table « {1} »</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="82"/>
        <source>a WMS layer name holds a comma: {0}</source>
        <translation>un nom de couche WMS contient une virgule : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="52"/>
        <source>the WMS-V no longer draws the table &apos;{0}&apos;</source>
        <translation>le WMS-V ne dessine plus la table « {0} »</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>Table: {0}</source>
        <translation>Table : {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>style {0}</source>
        <translation>style {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>style gone</source>
        <translation>style supprimé</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="277"/>
        <source>the map&apos;s layers changed: start the publication again</source>
        <translation>les couches de la carte ont changé : recommencez la publication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="281"/>
        <source>no layer of the map has a new style</source>
        <translation>aucune couche de la carte n'a de nouveau style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/export.py" line="75"/>
        <source>The exported GeoPackage does not carry the layer&apos;s CRS {0} (it has: {1}).</source>
        <translation>Le GeoPackage exporté ne porte pas la projection de la couche {0} (il porte : {1}).</translation>
    </message>
</context>
<context>
    <name>AccessPage</name>
    <message>
        <location filename="../ui/pages/access.py" line="33"/>
        <source>The sandbox (&quot;Découverte&quot;) datastore only publishes public services: restriction needs your own datastore.</source>
        <translation>L'entrepôt bac à sable (« Découverte ») ne publie que des services tout public : la restriction demande votre propre entrepôt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access.py" line="36"/>
        <source>This datastore has no private WMTS endpoint: the service can only be public.</source>
        <translation>Cet entrepôt n'a pas de point d'accès WMTS privé : le service ne peut être que tout public.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access.py" line="43"/>
        <source>A restricted service is published on the private endpoint and your community gets the access until the chosen date; users need a key.</source>
        <translation>Un service restreint est publié sur le point d'accès privé et votre communauté y a accès jusqu'à la date choisie ; les utilisateurs ont besoin d'une clé.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="5"/>
        <source>Access restriction</source>
        <translation>Restriction d'accès</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="6"/>
        <source>Who can use the WMTS.</source>
        <translation>Qui peut utiliser le WMTS.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="8"/>
        <source>Public (&quot;Tout public&quot;)</source>
        <translation>Tout public</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="9"/>
        <source>Restricted to my community (a key is needed to use the service)</source>
        <translation>Restreint à ma communauté (une clé est nécessaire pour utiliser le service)</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="12"/>
        <source>Access until</source>
        <translation>Accès jusqu'au</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="14"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../ui/actions.py" line="162"/>
        <source>Publish as WMTS on the Géoplateforme…</source>
        <translation>Publier en WMTS sur la Géoplateforme…</translation>
    </message>
</context>
<context>
    <name>AuthConfig</name>
    <message>
        <location filename="../plugin/auth_config.py" line="67"/>
        <source>QGIS&apos;s OAuth2 sign-in gave no token (login cancelled or timed out, or the configuration does not send an &apos;Authorization&apos; header).</source>
        <translation>La connexion OAuth2 de QGIS n'a donné aucun jeton (connexion annulée ou expirée, ou la configuration n'envoie pas d'en-tête « Authorization »).</translation>
    </message>
</context>
<context>
    <name>CodeLabels</name>
    <message>
        <location filename="../plugin/code_labels.py" line="23"/>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="24"/>
        <source>publishing</source>
        <translation>publication en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="25"/>
        <source>unpublished</source>
        <translation>dépublié</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="26"/>
        <source>unpublishing</source>
        <translation>dépublication en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="27"/>
        <source>modifying</source>
        <translation>modification en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="28"/>
        <source>synchronizing</source>
        <translation>synchronisation en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="29"/>
        <source>unstable</source>
        <translation>instable</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="30"/>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="31"/>
        <source>generating</source>
        <translation>génération en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="32"/>
        <source>generated</source>
        <translation>généré</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="33"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="34"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="35"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="36"/>
        <source>checking</source>
        <translation>vérification en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="37"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="38"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="39"/>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="40"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="41"/>
        <source>aborted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="48"/>
        <source>Farming</source>
        <translation>Agriculture</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="49"/>
        <source>Biota</source>
        <translation>Flore et faune</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="50"/>
        <source>Boundaries</source>
        <translation>Limites politiques et administratives</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="51"/>
        <source>Climatology, meteorology, atmosphere</source>
        <translation>Climatologie, météorologie, atmosphère</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="53"/>
        <source>Economy</source>
        <translation>Économie</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="54"/>
        <source>Elevation</source>
        <translation>Altitude</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="55"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="56"/>
        <source>Geoscientific information</source>
        <translation>Informations géoscientifiques</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="57"/>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="58"/>
        <source>Imagery, base maps, earth cover</source>
        <translation>Imagerie, cartes de base, occupation des terres</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="60"/>
        <source>Intelligence, military</source>
        <translation>Renseignement, secteur militaire</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="61"/>
        <source>Inland waters</source>
        <translation>Eaux intérieures</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="62"/>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="63"/>
        <source>Oceans</source>
        <translation>Océans</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="64"/>
        <source>Planning, cadastre</source>
        <translation>Planification, cadastre</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="65"/>
        <source>Society</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="66"/>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="67"/>
        <source>Transportation</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="68"/>
        <source>Utilities, communication</source>
        <translation>Services d'utilité publique, communication</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="75"/>
        <source>Continual</source>
        <translation>En continu</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="76"/>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="77"/>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="78"/>
        <source>Fortnightly</source>
        <translation>Bimensuelle</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="79"/>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="80"/>
        <source>Quarterly</source>
        <translation>Trimestrielle</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="81"/>
        <source>Twice a year</source>
        <translation>Semestrielle</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="82"/>
        <source>Annually</source>
        <translation>Annuelle</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="83"/>
        <source>As needed</source>
        <translation>Quand nécessaire</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="84"/>
        <source>Irregular</source>
        <translation>Irrégulière</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="85"/>
        <source>Not planned</source>
        <translation>Non planifiée</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="86"/>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="92"/>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="93"/>
        <source>Dataset series</source>
        <translation>Collection de données</translation>
    </message>
</context>
<context>
    <name>EstimateChart</name>
    <message>
        <location filename="../ui/estimate_chart.py" line="20"/>
        <source>Level {0}: {1} tiles, {2}</source>
        <translation>Niveau {0} : {1} tuiles, {2}</translation>
    </message>
</context>
<context>
    <name>FunctionTask</name>
    <message>
        <location filename="../ui/background.py" line="57"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>KeyNotice</name>
    <message>
        <location filename="../ui/actions.py" line="150"/>
        <source>The key that opens this restricted service is kept in QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”); the layer and the project hold only its id.</source>
        <translation>La clé qui ouvre ce service restreint est conservée dans la base d'authentification de QGIS (Préférences › Options › Authentification, configuration « Géoplateforme service key ») ; la couche et le projet n'en gardent que l'identifiant.</translation>
    </message>
    <message>
        <location filename="../ui/key_notice.py" line="15"/>
        <source>Géoplateforme WMTS</source>
        <translation>Géoplateforme WMTS</translation>
    </message>
    <message>
        <location filename="../ui/key_notice.py" line="15"/>
        <source>The access key of {0} was on the layer's URL, so it was saved in clear in the project. It has been removed: the layer now reads the plugin's key from QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”). Save the project to drop the old key; if the layer stays empty, add it again from “Published services”.</source>
        <translation>La clé d'accès de {0} figurait dans l'URL de la couche : elle était donc enregistrée en clair dans le projet. Elle en a été retirée : la couche lit désormais la clé de l'extension dans la base d'authentification de QGIS (Préférences › Options › Authentification, configuration « Géoplateforme service key »). Enregistrez le projet pour effacer l'ancienne clé ; si la couche reste vide, ajoutez-la de nouveau depuis « Services publiés ».</translation>
    </message>
</context>
<context>
    <name>LevelInspection</name>
    <message>
        <location filename="../plugin/wmts/inspection_task.py" line="38"/>
        <source>Inspecting WMTS levels</source>
        <translation>Inspection des niveaux WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/contact_sheet.py" line="52"/>
        <source>Could not write the contact sheet to {0}</source>
        <translation>Impossible d'écrire la planche contact dans {0}</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspection_task.py" line="87"/>
        <source>the source layer&apos;s extent in EPSG:3857 differs in the background task ({0}) from the map&apos;s ({1}): its coordinate transform does not work here; restart QGIS</source>
        <translation>l'emprise de la couche source en EPSG:3857 diffère dans la tâche de fond ({0}) de celle de la carte ({1}) : sa transformation de coordonnées ne fonctionne pas ici ; redémarrez QGIS</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/renders.py" line="53"/>
        <source>The extent of &apos;{0}&apos; could not be transformed to EPSG:3857 ({1}); check the layer&apos;s CRS, or restart QGIS if the CRS is right.</source>
        <translation>L'emprise de « {0} » n'a pas pu être transformée en EPSG:3857 ({1}) ; vérifiez le SCR de la couche, ou redémarrez QGIS si le SCR est correct.</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="35"/>
        <source>The tiles of this layer are {0}, not images: the inspector can only compare image tiles (PNG, JPEG).</source>
        <translation>Les tuiles de cette couche sont en {0}, pas des images : l'inspecteur ne compare que des tuiles images (PNG, JPEG).</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="40"/>
        <source>This layer is not tiled on the PM (web mercator) grid: its levels cannot be compared.</source>
        <translation>Cette couche n'est pas tuilée sur la grille PM (web mercator) : ses niveaux ne peuvent pas être comparés.</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="72"/>
        <source>no tile over the data</source>
        <translation>aucune tuile sur les données</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="73"/>
        <source>{0:.0%} found ({1:.0%} of {2} tiles checked)</source>
        <translation>{0:.0%} trouvées ({1:.0%} des {2} tuiles vérifiées)</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="101"/>
        <source>error: {0}</source>
        <translation>erreur : {0}</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="103"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="105"/>
        <source>the source drew nothing here: not compared</source>
        <translation>la source ne dessine rien ici : non comparé</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="108"/>
        <source>differs from the source</source>
        <translation>diffère de la source</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="109"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.py" line="96"/>
        <source>Enter your login and password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="122"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="153"/>
        <source>Connecting to the Géoplateforme</source>
        <translation>Connexion à la Géoplateforme</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="170"/>
        <source>Connection failed: {0}</source>
        <translation>Échec de la connexion : {0}</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="173"/>
        <source>Connected as {0} ({1}).</source>
        <translation>Connecté en tant que {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="69"/>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="6"/>
        <source>Connect to the Géoplateforme</source>
        <translation>Se connecter à la Géoplateforme</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="10"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="14"/>
        <source>Géoplateforme (data.geopf.fr)</source>
        <translation>Géoplateforme (data.geopf.fr)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="20"/>
        <source>Local sandbox (training)</source>
        <translation>Bac à sable local (formation)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="33"/>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="37"/>
        <source>Login and password (stored in QGIS&apos;s authentication database)</source>
        <translation>Identifiant et mot de passe (conservés dans la base d'authentification de QGIS)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="46"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="48"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="50"/>
        <source>One-time code</source>
        <translation>Code à usage unique</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="53"/>
        <source>only if your account uses two-factor authentication (never stored)</source>
        <translation>seulement si votre compte utilise l'authentification à deux facteurs (jamais conservé)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="62"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="63"/>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="75"/>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="76"/>
        <source>Datastore</source>
        <translation>Entrepôt</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="152"/>
        <source>Signing in with OAuth2: QGIS opens your browser…</source>
        <translation>Connexion OAuth2 : QGIS ouvre votre navigateur…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="43"/>
        <source>Browser sign-in (OAuth2: QGIS opens your browser)</source>
        <translation>Connexion dans le navigateur (OAuth2 : QGIS ouvre votre navigateur)</translation>
    </message>
</context>
<context>
    <name>MetadataPage</name>
    <message>
        <location filename="../ui/pages/metadata.py" line="183"/>
        <source>Import ISO 19139 metadata</source>
        <translation>Importer des métadonnées ISO 19139</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="183"/>
        <source>XML files (*.xml)</source>
        <translation>Fichiers XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="195"/>
        <source>Import failed: {0}</source>
        <translation>Échec de l'import : {0}</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="200"/>
        <source>Imported from {0}.</source>
        <translation>Importé depuis {0}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="247"/>
        <source>Enter a scale denominator, e.g. 25000.</source>
        <translation>Saisissez un dénominateur d'échelle, par exemple 25000.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="5"/>
        <source>WMTS service and its metadata</source>
        <translation>Service WMTS et ses métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="6"/>
        <source>Describe the resource. Fields marked * are mandatory; they are prefilled from the layer&apos;s QGIS metadata.</source>
        <translation>Décrivez la ressource. Les champs marqués * sont obligatoires ; ils sont préremplis depuis les métadonnées QGIS de la couche.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="10"/>
        <source>Import ISO 19139…</source>
        <translation>Importer ISO 19139…</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="19"/>
        <source>WMTS technical name *</source>
        <translation>Nom technique du WMTS *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="21"/>
        <source>Public title of the data *</source>
        <translation>Intitulé (nom public) de la donnée *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="23"/>
        <source>Service title *</source>
        <translation>Titre du service *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="25"/>
        <source>Summary *</source>
        <translation>Résumé *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="27"/>
        <source>Unique resource identifier *</source>
        <translation>Identificateur de ressource unique *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="29"/>
        <source>Contact e-mail *</source>
        <translation>Adresse électronique de contact *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="31"/>
        <source>Organisation *</source>
        <translation>Organisme *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="33"/>
        <source>Organisation e-mail *</source>
        <translation>Adresse électronique de l'organisme *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="35"/>
        <source>Creation date of the resource *</source>
        <translation>Date de création de la ressource *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="37"/>
        <source>Keywords *</source>
        <translation>Mots-clés *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="38"/>
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="39"/>
        <source>Topic category *</source>
        <translation>Catégorie thématique *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="41"/>
        <source>Update frequency *</source>
        <translation>Fréquence de mise à jour *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="43"/>
        <source>Lineage *</source>
        <translation>Généalogie *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="45"/>
        <source>Resource type *</source>
        <translation>Type de ressource *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="47"/>
        <source>Metadata language *</source>
        <translation>Langue des métadonnées *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="49"/>
        <source>Character set *</source>
        <translation>Jeu de caractères *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="51"/>
        <source>Coordinate reference system</source>
        <translation>Référentiel de coordonnées</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="53"/>
        <source>Spatial resolution (optional)</source>
        <translation>Résolution spatiale (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="55"/>
        <source>Attribution text (optional)</source>
        <translation>Texte d'attribution (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="57"/>
        <source>Attribution URL (optional)</source>
        <translation>URL d'attribution (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="135"/>
        <source>Reading the datasheet&apos;s metadata</source>
        <translation>Lecture des métadonnées de la fiche</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="128"/>
        <source>The datasheet &quot;{0}&quot; already has its metadata: they are kept as they are and the new WMTS is added to them. Only the WMTS&apos;s name and title are asked here.</source>
        <translation>La fiche de données « {0} » a déjà ses métadonnées : elles sont gardées telles quelles et le nouveau WMTS y est ajouté. Seuls le nom et le titre du WMTS sont demandés ici.</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <location filename="../ui/pages/publish.py" line="20"/>
        <source>Upload the data</source>
        <translation>Téléverser les données</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="21"/>
        <source>Integrate the data into the database</source>
        <translation>Intégrer les données en base</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="22"/>
        <source>Upload the style (SLD)</source>
        <translation>Déposer le style (SLD)</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="23"/>
        <source>Publish the WMS-Vector service</source>
        <translation>Publier le service WMS-Vecteur</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="24"/>
        <source>Harvest the raster tile pyramid</source>
        <translation>Moissonner la pyramide de tuiles raster</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="25"/>
        <source>Publish the metadata</source>
        <translation>Publier les métadonnées</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="26"/>
        <source>Publish the WMTS service</source>
        <translation>Publier le service WMTS</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="27"/>
        <source>Restrict the access</source>
        <translation>Restreindre l'accès</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="28"/>
        <source>Group in the datasheet (tags)</source>
        <translation>Regrouper dans la fiche de données (étiquettes)</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="38"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="39"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="40"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="41"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="42"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>WMTS &quot;{0}&quot; (levels {1}–{2}) in datastore &quot;{3}&quot;; access: {4}.</source>
        <translation>WMTS « {0} » (niveaux {1} à {2}) dans l'entrepôt « {3} » ; accès : {4}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>restricted</source>
        <translation>restreint</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>public</source>
        <translation>tout public</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="199"/>
        <source>PUBLISHED: {0} — &lt;a href=&quot;{1}&quot;&gt;capabilities&lt;/a&gt;</source>
        <translation>PUBLIÉ : {0} — &lt;a href=&quot;{1}&quot;&gt;capacités&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="214"/>
        <source>The step &quot;{0}&quot; failed: {1}</source>
        <translation>L'étape « {0} » a échoué : {1}</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="233"/>
        <source>Cancelled during &quot;{0}&quot;: nothing is lost, Resume continues where it stopped.</source>
        <translation>Annulé pendant « {0} » : rien n'est perdu, Reprendre continue là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="248"/>
        <source>Elapsed: {0} min {1:02d} s</source>
        <translation>Durée : {0} min {1:02d} s</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="5"/>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="6"/>
        <source>Every step runs in the background; you can keep working in QGIS. A failed or cancelled publication can be resumed without creating anything twice.</source>
        <translation>Chaque étape s'exécute en arrière-plan ; vous pouvez continuer à travailler dans QGIS. Une publication en échec ou annulée peut être reprise sans rien créer deux fois.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="12"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="13"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="20"/>
        <source>Publish the service now</source>
        <translation>Publier le service maintenant</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="21"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="22"/>
        <source>Cancel the publication</source>
        <translation>Annuler la publication</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="26"/>
        <source>Add the WMTS to the map and open the zoom-level inspector when published</source>
        <translation>Ajouter le WMTS à la carte et ouvrir l'inspecteur des niveaux une fois publié</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="30"/>
        <source>Check the names and settings</source>
        <translation>Vérifier les noms et les réglages</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="31"/>
        <source>Remove what the earlier run left</source>
        <translation>Supprimer ce que l'exécution précédente a laissé</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Switch the WMS-V to the new version</source>
        <translation>Basculer le WMS-V sur la nouvelle version</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Switch the WMTS to the new pyramid</source>
        <translation>Basculer le WMTS sur la nouvelle pyramide</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Remove the replaced versions</source>
        <translation>Supprimer les versions remplacées</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="217"/>
        <source>The publication failed: {0}</source>
        <translation>La publication a échoué : {0}</translation>
    </message>
</context>
<context>
    <name>PublishWizard</name>
    <message>
        <location filename="../ui/publish_wizard.py" line="35"/>
        <source>Publish a WMTS on the Géoplateforme</source>
        <translation>Publier un WMTS sur la Géoplateforme</translation>
    </message>
</context>
<context>
    <name>PublishedServicesDock</name>
    <message>
        <location filename="../ui/published_dock.py" line="79"/>
        <source>Connect to the Géoplateforme first.</source>
        <translation>Connectez-vous d'abord à la Géoplateforme.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="186"/>
        <source>{0} added to the map.</source>
        <translation>{0} ajouté à la carte.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="211"/>
        <source>Published services</source>
        <translation>Services publiés</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="221"/>
        <source>Delete the service &quot;{0}&quot;? It is unpublished, then its configuration is deleted.</source>
        <translation>Supprimer le service « {0} » ? Il est dépublié, puis sa configuration est supprimée.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="221"/>
        <source>Unpublish the service &quot;{0}&quot;? Its users lose access; the configuration is kept.</source>
        <translation>Dépublier le service « {0} » ? Ses utilisateurs perdent l'accès ; la configuration est conservée.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="228"/>
        <source>Removing {0}…</source>
        <translation>Suppression de {0}…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="229"/>
        <source>Removing a service</source>
        <translation>Suppression d'un service</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="11"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="17"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="18"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="25"/>
        <source>Add to map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="26"/>
        <source>Open capabilities</source>
        <translation>Ouvrir les capacités</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="27"/>
        <source>Unpublish…</source>
        <translation>Dépublier…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="204"/>
        <source>Reading the restricted capabilities</source>
        <translation>Lecture des capacités du service restreint</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="88"/>
        <source>Loading the datasheets…</source>
        <translation>Chargement des fiches de données…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="98"/>
        <source>Listing the datasheets</source>
        <translation>Liste des fiches de données</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="118"/>
        <source>{0} datasheets, {1} services.</source>
        <translation>{0} fiches de données, {1} services.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="118"/>
        <source>No datasheet in this datastore.</source>
        <translation>Aucune fiche de données dans cet entrepôt.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="242"/>
        <source>Reading what the datasheet &quot;{0}&quot; holds…</source>
        <translation>Lecture du contenu de la fiche « {0} »…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="252"/>
        <source>Planning the datasheet&apos;s deletion</source>
        <translation>Préparation de la suppression de la fiche</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="266"/>
        <source>The datasheet &quot;{0}&quot; holds nothing left to delete.</source>
        <translation>La fiche « {0} » ne contient plus rien à supprimer.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="270"/>
        <source>Delete the datasheet &quot;{0}&quot; and everything it holds? This cannot be undone. What will go:</source>
        <translation>Supprimer la fiche « {0} » et tout ce qu'elle contient ? C'est irréversible. Sera supprimé :</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="275"/>
        <source>Nothing deleted.</source>
        <translation>Rien n'a été supprimé.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="304"/>
        <source>Deleting the datasheet &quot;{0}&quot;…</source>
        <translation>Suppression de la fiche « {0} »…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="306"/>
        <source>Deleting the datasheet {0}</source>
        <translation>Suppression de la fiche {0}</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="306"/>
        <source>The datasheet &quot;{0}&quot; is deleted ({1} removals).</source>
        <translation>La fiche « {0} » est supprimée ({1} suppressions).</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="5"/>
        <source>Datasheets</source>
        <translation>Fiches de données</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="16"/>
        <source>Datasheet / resource</source>
        <translation>Fiche / ressource</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="19"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="20"/>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="28"/>
        <source>Delete datasheet…</source>
        <translation>Supprimer la fiche…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="34"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="285"/>
        <source>Deleting the datasheet &quot;{0}&quot;: {1}…</source>
        <translation>Suppression de la fiche « {0} » : {1}…</translation>
    </message>
</context>
<context>
    <name>PyramidPage</name>
    <message>
        <location filename="../ui/pages/pyramid.py" line="124"/>
        <source>{0} to {1}</source>
        <translation>de {0} à {1}</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid.py" line="143"/>
        <source>{0} tiles, about {1} in total.</source>
        <translation>{0} tuiles, environ {1} au total.</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="5"/>
        <source>Raster tile pyramid</source>
        <translation>Pyramide de tuiles raster</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="6"/>
        <source>Name the pyramid and choose its visibility range (&quot;plage de visibilité&quot;): the PM levels harvested from the WMS-V.</source>
        <translation>Nommez la pyramide et choisissez sa plage de visibilité : les niveaux PM moissonnés depuis le WMS-V.</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="8"/>
        <source>Technical name</source>
        <translation>Nom technique</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="10"/>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="16"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="18"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="26"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="29"/>
        <source>Data extent</source>
        <translation>Emprise des données</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="30"/>
        <source>Map canvas extent</source>
        <translation>Emprise du canevas</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="33"/>
        <source>Tile format</source>
        <translation>Format des tuiles</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="35"/>
        <source>Estimate</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid.py" line="136"/>
        <source>The tiles are counted when the extent is known.</source>
        <translation>Les tuiles sont comptées quand l'emprise est connue.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../ui/session.py" line="33"/>
        <source>QGIS&apos;s authentication database is locked: set its master password first.</source>
        <translation>La base d'authentification de QGIS est verrouillée : définissez d'abord son mot de passe principal.</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="61"/>
        <source>The credentials could not be stored in QGIS&apos;s authentication database.</source>
        <translation>Les identifiants n'ont pas pu être enregistrés dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="124"/>
        <source>The OAuth2 configuration could not be stored in QGIS&apos;s authentication database.</source>
        <translation>La configuration OAuth2 n'a pas pu être enregistrée dans la base d'authentification de QGIS.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../ui/pages/source.py" line="161"/>
        <source>Connected as {0}.</source>
        <translation>Connecté en tant que {0}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="163"/>
        <source> (sandbox)</source>
        <translation> (bac à sable)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="11"/>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="305"/>
        <source>Connect and choose a datastore.</source>
        <translation>Connectez-vous et choisissez un entrepôt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="309"/>
        <source>Choose a vector layer.</source>
        <translation>Choisissez une couche vecteur.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="311"/>
        <source>No feature is selected in this layer.</source>
        <translation>Aucune entité n'est sélectionnée dans cette couche.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="5"/>
        <source>Data to publish</source>
        <translation>Données à publier</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="8"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="12"/>
        <source>Connect…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="15"/>
        <source>Datastore</source>
        <translation>Entrepôt</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="17"/>
        <source>Upload the data of a QGIS layer</source>
        <translation>Téléverser les données d'une couche QGIS</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="18"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="20"/>
        <source>Selected features only</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="31"/>
        <source>Datasheet name</source>
        <translation>Nom de la fiche de données</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="32"/>
        <source>Groups everything of this publication on cartes.gouv.fr (the &quot;fiche de données&quot;).</source>
        <translation>Regroupe tout ce qui concerne cette publication sur cartes.gouv.fr (la « fiche de données »).</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="255"/>
        <source>Reading the data&apos;s extent</source>
        <translation>Lecture de l'emprise des données</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="269"/>
        <source>Listing what the datastore holds…</source>
        <translation>Lecture du contenu de l'entrepôt…</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="286"/>
        <source>Nothing of this kind in the datastore.</source>
        <translation>Rien de ce type dans l'entrepôt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="295"/>
        <source>Listing the datastore&apos;s resources</source>
        <translation>Liste des ressources de l'entrepôt</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="315"/>
        <source>Choose the existing resource to start from.</source>
        <translation>Choisissez la ressource existante de départ.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="6"/>
        <source>Start from the layer, or from what the datastore already holds, as the guide does: a stored data, a WMS-V service or a raster pyramid.</source>
        <translation>Partez de la couche, ou de ce que l'entrepôt contient déjà, comme le guide : une donnée stockée, un service WMS-V ou une pyramide raster.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="21"/>
        <source>Reuse a vector stored data of the datastore (no upload)</source>
        <translation>Réutiliser une donnée stockée vecteur de l'entrepôt (sans livraison)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="22"/>
        <source>Harvest an existing WMS-V service (no upload, no style, no new WMS-V)</source>
        <translation>Moissonner un service WMS-V existant (ni livraison, ni style, ni nouveau WMS-V)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="23"/>
        <source>Serve an existing raster pyramid (only the WMTS, its metadata and access)</source>
        <translation>Diffuser une pyramide raster existante (seulement le WMTS, ses métadonnées et son accès)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="24"/>
        <source>Existing resource</source>
        <translation>Ressource existante</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="126"/>
        <source>Publish a layer group as one map (one WMTS)</source>
        <translation>Publier un groupe de couches comme une seule carte (un WMTS)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="129"/>
        <source>Layer group</source>
        <translation>Groupe de couches</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="330"/>
        <source>Choose a layer group.</source>
        <translation>Choisissez un groupe de couches.</translation>
    </message>
</context>
<context>
    <name>StylePage</name>
    <message>
        <location filename="../ui/pages/style.py" line="57"/>
        <source>A stored data is reused: its style is not checked here; the layer&apos;s style is used when available.</source>
        <translation>Une donnée stockée est réutilisée : son style n'est pas vérifié ici ; le style de la couche est utilisé quand il existe.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="75"/>
        <source>Checking the style…</source>
        <translation>Vérification du style…</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="83"/>
        <source>Checking the style</source>
        <translation>Vérification du style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="95"/>
        <source>No problem found: the SLD is ready.</source>
        <translation>Aucun problème : le SLD est prêt.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="102"/>
        <source>The style could not be checked: {0}</source>
        <translation>Le style n'a pas pu être vérifié : {0}</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="134"/>
        <source>Rendering the style preview</source>
        <translation>Rendu de l'aperçu du style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="144"/>
        <source>QGIS rendering (level {0})</source>
        <translation>Rendu QGIS (niveau {0})</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="152"/>
        <source>{0} error(s), {1} warning(s).</source>
        <translation>{0} erreur(s), {1} avertissement(s).</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="5"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="6"/>
        <source>The layer&apos;s QGIS style becomes an SLD 1.0.0 the platform accepts. Errors block the publication; warnings explain what will look different.</source>
        <translation>Le style QGIS de la couche devient un SLD 1.0.0 accepté par la plateforme. Les erreurs bloquent la publication ; les avertissements expliquent ce qui s'affichera différemment.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="10"/>
        <source>Check the style again</source>
        <translation>Vérifier à nouveau le style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="11"/>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="17"/>
        <source>QGIS rendering</source>
        <translation>Rendu QGIS</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="18"/>
        <source>Rendering with the exported SLD</source>
        <translation>Rendu avec le SLD exporté</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="155"/>
        <source>Fidelity score: {0:.0%} (faithful from {1:.0%}; worst: level {2}, shown).</source>
        <translation>Score de fidélité : {0:.0%} (fidèle à partir de {1:.0%} ; le plus faible : niveau {2}, affiché).</translation>
    </message>
</context>
<context>
    <name>WmsvPage</name>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="5"/>
        <source>WMS-Vector service</source>
        <translation>Service WMS-Vecteur</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="6"/>
        <source>The WMS-V renders the data with the style; the raster pyramid is harvested from it.</source>
        <translation>Le WMS-V dessine les données avec le style ; la pyramide raster est moissonnée à partir de lui.</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="8"/>
        <source>Technical name</source>
        <translation>Nom technique</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="10"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="12"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="14"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="15"/>
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
</context>
<context>
    <name>WmtsLayer</name>
    <message>
        <location filename="../ui/wmts_layer.py" line="84"/>
        <source>Adding the WMTS to the map</source>
        <translation>Ajout du WMTS à la carte</translation>
    </message>
</context>
<context>
    <name>ZoomInspectorDock</name>
    <message>
        <location filename="../ui/inspector_dock.py" line="102"/>
        <source>Add a WMTS layer to the project, or publish one.</source>
        <translation>Ajoutez une couche WMTS au projet, ou publiez-en une.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="139"/>
        <source>Reading the WMTS capabilities…</source>
        <translation>Lecture des capacités WMTS…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="140"/>
        <source>Reading the WMTS capabilities</source>
        <translation>Lecture des capacités WMTS</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="169"/>
        <source>{0}: {1} levels ({2}–{3}).</source>
        <translation>{0} : {1} niveaux ({2} à {3}).</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="294"/>
        <source>Checking {0} levels…</source>
        <translation>Vérification de {0} niveaux…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="320"/>
        <source>Levels to look at: {0}.</source>
        <translation>Niveaux à examiner : {0}.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="323"/>
        <source>Every level holds tiles and matches the source.</source>
        <translation>Chaque niveau contient des tuiles et correspond à la source.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="344"/>
        <source>Save the contact sheet</source>
        <translation>Enregistrer la planche contact</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="344"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="353"/>
        <source>Contact sheet saved to {0}.</source>
        <translation>Planche contact enregistrée dans {0}.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="5"/>
        <source>Zoom-level inspector</source>
        <translation>Inspecteur des niveaux de zoom</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="10"/>
        <source>WMTS layer</source>
        <translation>Couche WMTS</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="12"/>
        <source>Source layer</source>
        <translation>Couche source</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="21"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="22"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="23"/>
        <source>Resolution (m/px)</source>
        <translation>Résolution (m/px)</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="25"/>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="26"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="31"/>
        <source>◀ Previous level</source>
        <translation>◀ Niveau précédent</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="32"/>
        <source>Next level ▶</source>
        <translation>Niveau suivant ▶</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="33"/>
        <source>Check every level</source>
        <translation>Vérifier tous les niveaux</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="34"/>
        <source>Save contact sheet…</source>
        <translation>Enregistrer la planche contact…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="40"/>
        <source>WMTS</source>
        <translation>WMTS</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="41"/>
        <source>Source rendered locally</source>
        <translation>Source rendue localement</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="263"/>
        <source>This layer is not a WMTS: the inspector compares WMTS image tiles only.</source>
        <translation>Cette couche n'est pas un WMTS : l'inspecteur ne compare que des tuiles images WMTS.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="327"/>
        <source>Similarity counts as faithful from {0:.2f}; worst: level {1} ({2:.2f}).</source>
        <translation>La similarité est jugée fidèle à partir de {0:.2f} ; la plus faible : niveau {1} ({2:.2f}).</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="24"/>
        <source>Tiles</source>
        <translation>Tuiles</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="37"/>
        <source>Keep the project CRS when stepping (otherwise the map switches to the level&apos;s CRS)</source>
        <translation>Garder le SCR du projet en changeant de niveau (sinon la carte passe au SCR du niveau)</translation>
    </message>
</context>
</TS>
