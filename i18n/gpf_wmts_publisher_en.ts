<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
        <translation>Publish current layer as WMTS…</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="74"/>
        <source>Connect to the Géoplateforme…</source>
        <translation>Connect to the Géoplateforme…</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="76"/>
        <source>Published services</source>
        <translation>Published services</translation>
    </message>
    <message>
        <location filename="../ui/main.py" line="78"/>
        <source>Zoom-level inspector</source>
        <translation>Zoom-level inspector</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="73"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="83"/>
        <source>Sandbox base URL (empty: the configured platform)</source>
        <translation>Sandbox base URL (empty: the configured platform)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="89"/>
        <source>Datastore id (empty: your first community&apos;s)</source>
        <translation>Datastore id (empty: your first community's)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="91"/>
        <source>Journal folder (empty: beside the QGIS profile)</source>
        <translation>Journal folder (empty: beside the QGIS profile)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="97"/>
        <source>Selected features only</source>
        <translation>Selected features only</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Reuse this VECTOR-DB stored data id (skip the upload)</source>
        <translation>Reuse this VECTOR-DB stored data id (skip the upload)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="101"/>
        <source>WMS-V title</source>
        <translation>WMS-V title</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="101"/>
        <source>WMTS title (service title)</source>
        <translation>WMTS title (service title)</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="60"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="106"/>
        <source>Keywords (comma separated)</source>
        <translation>Keywords (comma separated)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="108"/>
        <source>Top level (least detailed, 0–21)</source>
        <translation>Top level (least detailed, 0–21)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="111"/>
        <source>Bottom level (most detailed, 0–21)</source>
        <translation>Bottom level (most detailed, 0–21)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="114"/>
        <source>Harvest extent (empty: the layer&apos;s extent)</source>
        <translation>Harvest extent (empty: the layer's extent)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="116"/>
        <source>Tile format</source>
        <translation>Tile format</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="121"/>
        <source>Restricted access (own datastore only)</source>
        <translation>Restricted access (own datastore only)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="123"/>
        <source>Producer (organisation)</source>
        <translation>Producer (organisation)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="43"/>
        <source>Datasheet name (fiche de données)</source>
        <translation>Datasheet name (fiche de données)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="45"/>
        <source>WMTS technical name</source>
        <translation>WMTS technical name</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="137"/>
        <source>WMTS layer name</source>
        <translation>WMTS layer name</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="138"/>
        <source>WMTS capabilities URL</source>
        <translation>WMTS capabilities URL</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="140"/>
        <source>Journal file</source>
        <translation>Journal file</translation>
    </message>
    <message>
        <location filename="../plugin/processing/map_input.py" line="82"/>
        <source>No layer to publish.</source>
        <translation>No layer to publish.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="192"/>
        <source>No credentials: choose an authentication configuration, or set GPF_USERNAME and GPF_PASSWORD.</source>
        <translation>No credentials: choose an authentication configuration, or set GPF_USERNAME and GPF_PASSWORD.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="204"/>
        <source>Your account belongs to no community.</source>
        <translation>Your account belongs to no community.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="277"/>
        <source>Cancelled; run again to resume, or use “Undo a publication”.</source>
        <translation>Cancelled; run again to resume, or use “Undo a publication”.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="294"/>
        <source>Publish layer as WMTS</source>
        <translation>Publish layer as WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="297"/>
        <source>&lt;p&gt;Publishes a vector layer as a WMTS on the Géoplateforme, as the guide &lt;i&gt;Créer et publier un service WMTS&lt;/i&gt; does by hand: upload (GeoPackage), integration, SLD style checked before upload, WMS-Vector, raster pyramid over the chosen zoom levels (TOP to BOTTOM on the PM grid), metadata, WMTS, access restriction and cartes.gouv.fr tags.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Publishes a vector layer as a WMTS on the Géoplateforme, as the guide &lt;i&gt;Créer et publier un service WMTS&lt;/i&gt; does by hand: upload (GeoPackage), integration, SLD style checked before upload, WMS-Vector, raster pyramid over the chosen zoom levels (TOP to BOTTOM on the PM grid), metadata, WMTS, access restriction and cartes.gouv.fr tags.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="338"/>
        <source>Step {label}</source>
        <translation>Step {label}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="341"/>
        <source>Publication, step by step</source>
        <translation>Publication, step by step</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="347"/>
        <source>&lt;p&gt;Runs the publication up to this step and stops: “{label}”. Steps before it that are not finished yet run first; finished ones are skipped (read from the journal). Use the same names in every step so they form one publication.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Runs the publication up to this step and stops: “{label}”. Steps before it that are not finished yet run first; finished ones are skipped (read from the journal). Use the same names in every step so they form one publication.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="30"/>
        <source>Undo a publication</source>
        <translation>Undo a publication</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="47"/>
        <source>Removed resources</source>
        <translation>Removed resources</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="60"/>
        <source>No journal for this publication: nothing to undo.</source>
        <translation>No journal for this publication: nothing to undo.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="66"/>
        <source>removed {kind}</source>
        <translation>removed {kind}</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="65"/>
        <source>Cancelled: the publication can be resumed or undone.</source>
        <translation>Cancelled: the publication can be resumed or undone.</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="70"/>
        <source>The task stopped.</source>
        <translation>The task stopped.</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="83"/>
        <source>Publishing {name} as WMTS</source>
        <translation>Publishing {name} as WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/tasks.py" line="113"/>
        <source>Removing the publication {name}</source>
        <translation>Removing the publication {name}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="86"/>
        <source>Authentication configuration (login/password or OAuth2)</source>
        <translation>Authentication configuration (login/password or OAuth2)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/help_texts.py" line="19"/>
        <source>&lt;p&gt;&lt;b&gt;Connection&lt;/b&gt;: PLATFORM_URL is empty for the Géoplateforme configured in the plugin, or the base URL of a local sandbox (e.g. http://127.0.0.1:8765). AUTHCFG is a QGIS authentication configuration: Basic (login/password) or OAuth2 (QGIS signs in, in the browser for the authorization-code flow); with qgis_process the environment variables GPF_USERNAME and GPF_PASSWORD can be used instead. DATASTORE is the datastore id (empty: the datastore of your first community).&lt;/p&gt;&lt;p&gt;The run writes a journal (JOURNAL_DIR, default beside the QGIS profile): running the same publication again resumes after the last finished step and never creates a resource twice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Connection&lt;/b&gt;: PLATFORM_URL is empty for the Géoplateforme configured in the plugin, or the base URL of a local sandbox (e.g. http://127.0.0.1:8765). AUTHCFG is a QGIS authentication configuration: Basic (login/password) or OAuth2 (QGIS signs in, in the browser for the authorization-code flow); with qgis_process the environment variables GPF_USERNAME and GPF_PASSWORD can be used instead. DATASTORE is the datastore id (empty: the datastore of your first community).&lt;/p&gt;&lt;p&gt;The run writes a journal (JOURNAL_DIR, default beside the QGIS profile): running the same publication again resumes after the last finished step and never creates a resource twice.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="23"/>
        <source>The Géoplateforme refused the request</source>
        <translation>The Géoplateforme refused the request</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="24"/>
        <source>The Géoplateforme rejected the request as invalid</source>
        <translation>The Géoplateforme rejected the request as invalid</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="26"/>
        <source>Authentication with the Géoplateforme failed</source>
        <translation>Authentication with the Géoplateforme failed</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="27"/>
        <source>Not signed in to the Géoplateforme, or the session expired; sign in again</source>
        <translation>Not signed in to the Géoplateforme, or the session expired; sign in again</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="30"/>
        <source>Your account has no right to do this on this datastore</source>
        <translation>Your account has no right to do this on this datastore</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="32"/>
        <source>The Géoplateforme sign-in service refused the credentials: check the login, the password and the one-time code</source>
        <translation>The Géoplateforme sign-in service refused the credentials: check the login, the password and the one-time code</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="35"/>
        <source>The Géoplateforme does not know this resource</source>
        <translation>The Géoplateforme does not know this resource</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="36"/>
        <source>The Géoplateforme refused because of a conflict (name taken or wrong state)</source>
        <translation>The Géoplateforme refused because of a conflict (name taken or wrong state)</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="39"/>
        <source>The Géoplateforme asks to slow down; try again in a moment</source>
        <translation>The Géoplateforme asks to slow down; try again in a moment</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="41"/>
        <source>The Géoplateforme had an internal error; try again later</source>
        <translation>The Géoplateforme had an internal error; try again later</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="43"/>
        <source>Could not reach the Géoplateforme (network, proxy or timeout); check the connection and try again</source>
        <translation>Could not reach the Géoplateforme (network, proxy or timeout); check the connection and try again</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="46"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="77"/>
        <source>A local file could not be written or read: {reason}.</source>
        <translation>A local file could not be written or read: {reason}.</translation>
    </message>
    <message>
        <location filename="../plugin/error_messages.py" line="82"/>
        <source>Unexpected error ({kind}): {message}. The QGIS log (Géoplateforme WMTS) has the details.</source>
        <translation>Unexpected error ({kind}): {message}. The QGIS log (Géoplateforme WMTS) has the details.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="118"/>
        <source>Harvest despite the zoom-level warnings (never beyond the platform&apos;s tile cap)</source>
        <translation>Harvest despite the zoom-level warnings (never beyond the platform's tile cap)</translation>
    </message>
    <message>
        <location filename="../plugin/pyramid/tile_limit.py" line="54"/>
        <source>Set FORCE to harvest these levels anyway.</source>
        <translation>Set FORCE to harvest these levels anyway.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/export.py" line="69"/>
        <source>GeoPackage export of &apos;{0}&apos; failed: {1}</source>
        <translation>GeoPackage export of '{0}' failed: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="93"/>
        <source>endpoint {0} lists no {1} URL</source>
        <translation>endpoint {0} lists no {1} URL</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="100"/>
        <source>offering {0} lists no {1} URL</source>
        <translation>offering {0} lists no {1} URL</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="113"/>
        <source>the datastore offers no processing named &apos;{0}&apos;</source>
        <translation>the datastore offers no processing named '{0}'</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="161"/>
        <source>{0} ended: {1}</source>
        <translation>{0} ended: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="181"/>
        <source>{0}: the stored data is unstable</source>
        <translation>{0}: the stored data is unstable</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="37"/>
        <source>no layer to upload and no stored data to reuse</source>
        <translation>no layer to upload and no stored data to reuse</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="69"/>
        <source>upload {0} is {1}</source>
        <translation>upload {0} is {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="84"/>
        <source>stored data {0} is {1} ({2}); a generated VECTOR-DB is needed</source>
        <translation>stored data {0} is {1} ({2}); a generated VECTOR-DB is needed</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="108"/>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="132"/>
        <source>upload</source>
        <translation>upload</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="139"/>
        <source>the file changed while it was sent</source>
        <translation>the file changed while it was sent</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="151"/>
        <source>upload sent</source>
        <translation>upload sent</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="162"/>
        <source>the upload checks failed: {0}</source>
        <translation>the upload checks failed: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="166"/>
        <source>the upload checks</source>
        <translation>the upload checks</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/data.py" line="168"/>
        <source>checks passed</source>
        <translation>checks passed</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="60"/>
        <source>the integration</source>
        <translation>the integration</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="35"/>
        <source>stored data {0} has no table</source>
        <translation>stored data {0} has no table</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/integration.py" line="39"/>
        <source>integrated</source>
        <translation>integrated</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="62"/>
        <source>the metadata is incomplete: {0}</source>
        <translation>the metadata is incomplete: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="139"/>
        <source>the datastore has no METADATA endpoint</source>
        <translation>the datastore has no METADATA endpoint</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="126"/>
        <source>metadata published</source>
        <translation>metadata published</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="50"/>
        <source>no extent to harvest: choose one</source>
        <translation>no extent to harvest: choose one</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="84"/>
        <source>the pyramid harvest</source>
        <translation>the pyramid harvest</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="92"/>
        <source>pyramid generated</source>
        <translation>pyramid generated</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/restriction.py" line="18"/>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/restriction.py" line="23"/>
        <source>permission granted</source>
        <translation>permission granted</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="45"/>
        <source>the offering&apos;s publication</source>
        <translation>the offering's publication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="54"/>
        <source>offering {0} is unstable</source>
        <translation>offering {0} is unstable</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/services.py" line="77"/>
        <source>the datastore&apos;s community is unknown</source>
        <translation>the datastore's community is unknown</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="146"/>
        <source>style uploaded</source>
        <translation>style uploaded</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="66"/>
        <source>a layer is needed to build the style</source>
        <translation>a layer is needed to build the style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="89"/>
        <source>the style cannot be published: {0}</source>
        <translation>the style cannot be published: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="124"/>
        <source>the icon &apos;{0}&apos; is not uploaded: {1}</source>
        <translation>the icon '{0}' is not uploaded: {1}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/tags.py" line="50"/>
        <source>tagged</source>
        <translation>tagged</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="43"/>
        <source>the datastore has no WMS-VECTOR endpoint with room left</source>
        <translation>the datastore has no WMS-VECTOR endpoint with room left</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="190"/>
        <source>WMS-V configured</source>
        <translation>WMS-V configured</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="77"/>
        <source>WMS-V published</source>
        <translation>WMS-V published</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="144"/>
        <source>the platform returned no hash for the harvest key</source>
        <translation>the platform returned no hash for the harvest key</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmts.py" line="33"/>
        <source>the datastore has no WMTS-TMS endpoint with room left</source>
        <translation>the datastore has no WMTS-TMS endpoint with room left</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="214"/>
        <source>WMTS configured</source>
        <translation>WMTS configured</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmts.py" line="81"/>
        <source>WMTS published</source>
        <translation>WMTS published</translation>
    </message>
    <message>
        <location filename="../plugin/publish/undo.py" line="52"/>
        <source>do not know how to remove a {0}</source>
        <translation>do not know how to remove a {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/unpublish.py" line="32"/>
        <source>the unpublication</source>
        <translation>the unpublication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/unpublish.py" line="49"/>
        <source>the configuration&apos;s deletion</source>
        <translation>the configuration's deletion</translation>
    </message>
    <message>
        <location filename="../plugin/publish/waiting.py" line="140"/>
        <source>{0} did not finish within {1:.0f} s</source>
        <translation>{0} did not finish within {1:.0f} s</translation>
    </message>
    <message>
        <location filename="../plugin/publish/waiting.py" line="140"/>
        <source>the platform</source>
        <translation>the platform</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="219"/>
        <source>the platform created an execution without output stored data</source>
        <translation>the platform created an execution without output stored data</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/base.py" line="275"/>
        <source>the execution&apos;s abort</source>
        <translation>the execution's abort</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>Datasheet name (empty: &lt;prefix&gt;_&lt;layer&gt;)</source>
        <translation>Datasheet name (empty: &lt;prefix&gt;_&lt;layer&gt;)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>WMS-V technical name (empty: &lt;datasheet&gt;_wmsv)</source>
        <translation>WMS-V technical name (empty: &lt;datasheet&gt;_wmsv)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>Pyramid technical name (empty: &lt;datasheet&gt;_pyramide)</source>
        <translation>Pyramid technical name (empty: &lt;datasheet&gt;_pyramide)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="129"/>
        <source>WMTS technical name (empty: &lt;datasheet&gt;_wmts)</source>
        <translation>WMTS technical name (empty: &lt;datasheet&gt;_wmts)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="255"/>
        <source>DATASHEET is needed when no layer is given.</source>
        <translation>DATASHEET is needed when no layer is given.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="313"/>
        <source>Dry run: check everything, create nothing</source>
        <translation>Dry run: check everything, create nothing</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="316"/>
        <source>Dry run report</source>
        <translation>Dry run report</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="22"/>
        <source>Dry run (create nothing)</source>
        <translation>Dry run (create nothing)</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="24"/>
        <source>Checks the style, the names against the platform, the metadata and the tile estimate, and lists what would be created. Nothing is created.</source>
        <translation>Checks the style, the names against the platform, the metadata and the tile estimate, and lists what would be created. Nothing is created.</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="41"/>
        <source>Dry run: checking…</source>
        <translation>Dry run: checking…</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="42"/>
        <source>Dry run of the publication</source>
        <translation>Dry run of the publication</translation>
    </message>
    <message>
        <location filename="../ui/dry_run_button.py" line="55"/>
        <source>Dry run failed: {0}</source>
        <translation>Dry run failed: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="36"/>
        <source>processing execution</source>
        <translation>processing execution</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="36"/>
        <source>permission</source>
        <translation>permission</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="37"/>
        <source>offering</source>
        <translation>offering</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="37"/>
        <source>configuration</source>
        <translation>configuration</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="38"/>
        <source>style file</source>
        <translation>style file</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="38"/>
        <source>annex</source>
        <translation>annex</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="53"/>
        <source>stored data</source>
        <translation>stored data</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="54"/>
        <source>metadata</source>
        <translation>metadata</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="40"/>
        <source>key access</source>
        <translation>key access</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="50"/>
        <source>processing executions</source>
        <translation>processing executions</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="50"/>
        <source>permissions</source>
        <translation>permissions</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="51"/>
        <source>offerings (published services)</source>
        <translation>offerings (published services)</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="52"/>
        <source>configurations</source>
        <translation>configurations</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="52"/>
        <source>style files</source>
        <translation>style files</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="53"/>
        <source>annexes (icons, legends)</source>
        <translation>annexes (icons, legends)</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="54"/>
        <source>uploads</source>
        <translation>uploads</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="55"/>
        <source>key accesses</source>
        <translation>key accesses</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="70"/>
        <source>Kept: the permission &quot;{0}&quot;, which also serves other services.</source>
        <translation>Kept: the permission &quot;{0}&quot;, which also serves other services.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="83"/>
        <source>the processing&apos;s abort</source>
        <translation>the processing's abort</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="117"/>
        <source>the stored data&apos;s deletion</source>
        <translation>the stored data's deletion</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="123"/>
        <source>the execution&apos;s deletion</source>
        <translation>the execution's deletion</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="165"/>
        <source>Cancelled after {0} of {1} removals: run Delete datasheet again to finish.</source>
        <translation>Cancelled after {0} of {1} removals: run Delete datasheet again to finish.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="183"/>
        <source>Deleting the datasheet &quot;{0}&quot; stopped at the {1} ({2} of {3} removals done): {4}. Run Delete datasheet again to finish.</source>
        <translation>Deleting the datasheet &quot;{0}&quot; stopped at the {1} ({2} of {3} removals done): {4}. Run Delete datasheet again to finish.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="190"/>
        <source>datasheet deleted</source>
        <translation>datasheet deleted</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="37"/>
        <source>levels {0}–{1}</source>
        <translation>levels {0}–{1}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="38"/>
        <source>level {0}</source>
        <translation>level {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="65"/>
        <source>restricted</source>
        <translation>restricted</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="78"/>
        <source>until {0}</source>
        <translation>until {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="79"/>
        <source>Permission: {0}</source>
        <translation>Permission: {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="82"/>
        <source>Key access: {0}</source>
        <translation>Key access: {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="95"/>
        <source>Services without a datasheet</source>
        <translation>Services without a datasheet</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="96"/>
        <source>{0} services</source>
        <translation>{0} services</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Vector data</source>
        <translation>Vector data</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Pyramids</source>
        <translation>Pyramids</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="98"/>
        <source>Other stored data</source>
        <translation>Other stored data</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="110"/>
        <source>Other services</source>
        <translation>Other services</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="111"/>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="112"/>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="65"/>
        <source>open to all</source>
        <translation>open to all</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="41"/>
        <source>harvest key</source>
        <translation>harvest key</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="56"/>
        <source>harvest keys made by the publication</source>
        <translation>harvest keys made by the publication</translation>
    </message>
    <message>
        <location filename="../plugin/publish/datasheet_delete_run.py" line="72"/>
        <source>Your other keys are kept: they serve other services.</source>
        <translation>Your other keys are kept: they serve other services.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="253"/>
        <source>this publication has no WMTS yet: resume it instead</source>
        <translation>this publication has no WMTS yet: resume it instead</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="323"/>
        <source>Undoing the update of a WMTS</source>
        <translation>Undoing the update of a WMTS</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="323"/>
        <source>Updating a WMTS in place: {0}</source>
        <translation>Updating a WMTS in place: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="369"/>
        <source>Cancelled: the update can be resumed or undone.</source>
        <translation>Cancelled: the update can be resumed or undone.</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="67"/>
        <source>the offering&apos;s synchronisation</source>
        <translation>the offering's synchronisation</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="82"/>
        <source>offering {0} is unstable after its synchronisation</source>
        <translation>offering {0} is unstable after its synchronisation</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="192"/>
        <source>WMS-V synchronised</source>
        <translation>WMS-V synchronised</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="217"/>
        <source>WMTS synchronised</source>
        <translation>WMTS synchronised</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="236"/>
        <source>the datasheet has no metadata record to update</source>
        <translation>the datasheet has no metadata record to update</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="259"/>
        <source>metadata updated</source>
        <translation>metadata updated</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="299"/>
        <source>previous version removed</source>
        <translation>previous version removed</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="128"/>
        <source>{0} is not published: there is nothing to update</source>
        <translation>{0} is not published: there is nothing to update</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="162"/>
        <source>the WMS-V the pyramid was harvested from is gone: the WMTS cannot be updated</source>
        <translation>the WMS-V the pyramid was harvested from is gone: the WMTS cannot be updated</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_target.py" line="203"/>
        <source>only a WMTS can be updated here</source>
        <translation>only a WMTS can be updated here</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="130"/>
        <source>nothing to update: choose what changes</source>
        <translation>nothing to update: choose what changes</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="135"/>
        <source>an unfinished update of this WMTS is waiting with other choices: resume it with the same choices or undo it</source>
        <translation>an unfinished update of this WMTS is waiting with other choices: resume it with the same choices or undo it</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_workflow.py" line="274"/>
        <source>this update has already removed the previous version: it can only be resumed</source>
        <translation>this update has already removed the previous version: it can only be resumed</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="200"/>
        <source>Update the WMTS in place</source>
        <translation>Update the WMTS in place</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="38"/>
        <source>no vector layer selected</source>
        <translation>no vector layer selected</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="39"/>
        <source>New data: the features and style of the current layer ({0})</source>
        <translation>New data: the features and style of the current layer ({0})</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="41"/>
        <source>New style: the symbology of the current layer ({0})</source>
        <translation>New style: the symbology of the current layer ({0})</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="43"/>
        <source>New level range</source>
        <translation>New level range</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="49"/>
        <source>New extent: the extent of the current layer</source>
        <translation>New extent: the extent of the current layer</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="50"/>
        <source>New metadata</source>
        <translation>New metadata</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="58"/>
        <source>Top and bottom levels</source>
        <translation>Top and bottom levels</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="59"/>
        <source>Public title</source>
        <translation>Public title</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="121"/>
        <source>Update…</source>
        <translation>Update…</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="123"/>
        <source>Change the data, style, levels, extent or metadata of the selected WMTS; its address stays the same.</source>
        <translation>Change the data, style, levels, extent or metadata of the selected WMTS; its address stays the same.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="172"/>
        <source>The update was undone: the WMTS serves what it served.</source>
        <translation>The update was undone: the WMTS serves what it served.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="189"/>
        <source>{0} updated in place ({1}); its address has not changed.</source>
        <translation>{0} updated in place ({1}); its address has not changed.</translation>
    </message>
    <message>
        <location filename="../ui/update_action.py" line="200"/>
        <source>{0}

Undo this update? The WMTS goes back to what it served; otherwise the same update can be resumed later.</source>
        <translation>{0}

Undo this update? The WMTS goes back to what it served; otherwise the same update can be resumed later.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithms.py" line="302"/>
        <source>&lt;p&gt;As the guide, it can start from what exists (at most one of them): REUSE_STORED_DATA skips the upload, REUSE_WMSV harvests an existing WMS-V, REUSE_PYRAMID serves an existing pyramid (only the WMTS). With one of them the layer may stay empty, and an empty DATASHEET takes the reused resource&apos;s. A datasheet that has a metadata record keeps it: the new WMTS is added to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;As the guide, it can start from what exists (at most one of them): REUSE_STORED_DATA skips the upload, REUSE_WMSV harvests an existing WMS-V, REUSE_PYRAMID serves an existing pyramid (only the WMTS). With one of them the layer may stay empty, and an empty DATASHEET takes the reused resource's. A datasheet that has a metadata record keeps it: the new WMTS is added to it.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Harvest this existing WMS-V (its configuration id, offering id or layer name): no upload, no style, no new WMS-V</source>
        <translation>Harvest this existing WMS-V (its configuration id, offering id or layer name): no upload, no style, no new WMS-V</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="31"/>
        <source>Serve this existing raster pyramid (its stored data id or name): only the WMTS, its metadata and restriction</source>
        <translation>Serve this existing raster pyramid (its stored data id or name): only the WMTS, its metadata and restriction</translation>
    </message>
    <message>
        <location filename="../plugin/processing/source_parameters.py" line="44"/>
        <source>Give at most one of REUSE_STORED_DATA, REUSE_WMSV and REUSE_PYRAMID.</source>
        <translation>Give at most one of REUSE_STORED_DATA, REUSE_WMSV and REUSE_PYRAMID.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/undo_algorithm.py" line="33"/>
        <source>&lt;p&gt;Removes everything a publication created, newest first: permission, WMTS offering and configuration, metadata, pyramid, WMS-V offering and configuration, style, stored data and upload. Running executions are aborted first. What was reused, not created (a stored data, a WMS-V, a pyramid), is kept, and the datasheet&apos;s metadata record is written back as it was. The publication is named by its datastore, datasheet and WMTS technical name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Removes everything a publication created, newest first: permission, WMTS offering and configuration, metadata, pyramid, WMS-V offering and configuration, style, stored data and upload. Running executions are aborted first. What was reused, not created (a stored data, a WMS-V, a pyramid), is kept, and the datasheet's metadata record is written back as it was. The publication is named by its datastore, datasheet and WMTS technical name.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="43"/>
        <source>configuration {0} is a {1}, not a WMS-V</source>
        <translation>configuration {0} is a {1}, not a WMS-V</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="48"/>
        <source>the WMS-V {0} is not published: it cannot be harvested</source>
        <translation>the WMS-V {0} is not published: it cannot be harvested</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reuse.py" line="86"/>
        <source>stored data {0} is {1} ({2}); a generated {3} is needed</source>
        <translation>stored data {0} is {1} ({2}); a generated {3} is needed</translation>
    </message>
    <message>
        <location filename="../plugin/publish/sources.py" line="191"/>
        <source>no WMS-V service named &apos;{0}&apos; in this datastore</source>
        <translation>no WMS-V service named '{0}' in this datastore</translation>
    </message>
    <message>
        <location filename="../plugin/publish/sources.py" line="206"/>
        <source>no stored data &apos;{0}&apos; of type {1} in this datastore</source>
        <translation>no stored data '{0}' of type {1} in this datastore</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/metadata.py" line="145"/>
        <source>metadata of the datasheet completed</source>
        <translation>metadata of the datasheet completed</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/pyramid.py" line="62"/>
        <source>existing pyramid read</source>
        <translation>existing pyramid read</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/wmsv.py" line="38"/>
        <source>existing WMS-V read</source>
        <translation>existing WMS-V read</translation>
    </message>
    <message>
        <location filename="../plugin/publish/reopen_survey.py" line="136"/>
        <source>Use “Undo a publication” (or the wizard's Start again), then run again.</source>
        <translation>Use “Undo a publication” (or the wizard's Start again), then run again.</translation>
    </message>
    <message>
        <location filename="../ui/name_watch.py" line="78"/>
        <source>Checking the name on the platform</source>
        <translation>Checking the name on the platform</translation>
    </message>
    <message>
        <location filename="../ui/reopen_offers.py" line="57"/>
        <source>Comparing this publication's journal with the platform…</source>
        <translation>Comparing this publication's journal with the platform…</translation>
    </message>
    <message>
        <location filename="../ui/reopen_offers.py" line="68"/>
        <source>Comparing the journal with the platform</source>
        <translation>Comparing the journal with the platform</translation>
    </message>
    <message>
        <location filename="../plugin/processing/map_input.py" line="25"/>
        <source>Layer(s) to publish, or the name of a layer group (a map); empty when an existing resource is reused</source>
        <translation>Layer(s) to publish, or the name of a layer group (a map); empty when an existing resource is reused</translation>
    </message>
    <message>
        <location filename="../plugin/publish/steps/style.py" line="157"/>
        <source>the stored data has no table for the layer &apos;{0}&apos; ({1})</source>
        <translation>the stored data has no table for the layer '{0}' ({1})</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="57"/>
        <source>the WMS-V capabilities are not XML: {0}</source>
        <translation>the WMS-V capabilities are not XML: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="62"/>
        <source>the WMS-V capabilities list no layer named &apos;{0}&apos;</source>
        <translation>the WMS-V capabilities list no layer named '{0}'</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="73"/>
        <source>the WMS-V layer &apos;{0}&apos; has no sub-layer for the table &apos;{1}&apos;</source>
        <translation>the WMS-V layer '{0}' has no sub-layer for the table '{1}'</translation>
    </message>
    <message>
        <location filename="../plugin/publish/wmsv_layers.py" line="82"/>
        <source>a WMS layer name holds a comma: {0}</source>
        <translation>a WMS layer name holds a comma: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update_steps.py" line="52"/>
        <source>the WMS-V no longer draws the table &apos;{0}&apos;</source>
        <translation>the WMS-V no longer draws the table '{0}'</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>Table: {0}</source>
        <translation>Table: {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>style {0}</source>
        <translation>style {0}</translation>
    </message>
    <message>
        <location filename="../ui/datasheet_tree.py" line="74"/>
        <source>style gone</source>
        <translation>style gone</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="277"/>
        <source>the map&apos;s layers changed: start the publication again</source>
        <translation>the map's layers changed: start the publication again</translation>
    </message>
    <message>
        <location filename="../plugin/publish/update.py" line="281"/>
        <source>no layer of the map has a new style</source>
        <translation>no layer of the map has a new style</translation>
    </message>
    <message>
        <location filename="../plugin/publish/export.py" line="75"/>
        <source>The exported GeoPackage does not carry the layer&apos;s CRS {0} (it has: {1}).</source>
        <translation>The exported GeoPackage does not carry the layer's CRS {0} (it has: {1}).</translation>
    </message>
</context>
<context>
    <name>AccessPage</name>
    <message>
        <location filename="../ui/pages/access.py" line="33"/>
        <source>The sandbox (&quot;Découverte&quot;) datastore only publishes public services: restriction needs your own datastore.</source>
        <translation>The sandbox (&quot;Découverte&quot;) datastore only publishes public services: restriction needs your own datastore.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access.py" line="36"/>
        <source>This datastore has no private WMTS endpoint: the service can only be public.</source>
        <translation>This datastore has no private WMTS endpoint: the service can only be public.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access.py" line="43"/>
        <source>A restricted service is published on the private endpoint and your community gets the access until the chosen date; users need a key.</source>
        <translation>A restricted service is published on the private endpoint and your community gets the access until the chosen date; users need a key.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="5"/>
        <source>Access restriction</source>
        <translation>Access restriction</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="6"/>
        <source>Who can use the WMTS.</source>
        <translation>Who can use the WMTS.</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="8"/>
        <source>Public (&quot;Tout public&quot;)</source>
        <translation>Public (&quot;Tout public&quot;)</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="9"/>
        <source>Restricted to my community (a key is needed to use the service)</source>
        <translation>Restricted to my community (a key is needed to use the service)</translation>
    </message>
    <message>
        <location filename="../ui/pages/access_page.ui" line="12"/>
        <source>Access until</source>
        <translation>Access until</translation>
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
        <translation>Publish as WMTS on the Géoplateforme…</translation>
    </message>
</context>
<context>
    <name>AuthConfig</name>
    <message>
        <location filename="../plugin/auth_config.py" line="67"/>
        <source>QGIS&apos;s OAuth2 sign-in gave no token (login cancelled or timed out, or the configuration does not send an &apos;Authorization&apos; header).</source>
        <translation>QGIS's OAuth2 sign-in gave no token (login cancelled or timed out, or the configuration does not send an 'Authorization' header).</translation>
    </message>
</context>
<context>
    <name>CodeLabels</name>
    <message>
        <location filename="../plugin/code_labels.py" line="23"/>
        <source>published</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="24"/>
        <source>publishing</source>
        <translation>publishing</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="25"/>
        <source>unpublished</source>
        <translation>unpublished</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="26"/>
        <source>unpublishing</source>
        <translation>unpublishing</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="27"/>
        <source>modifying</source>
        <translation>modifying</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="28"/>
        <source>synchronizing</source>
        <translation>synchronizing</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="29"/>
        <source>unstable</source>
        <translation>unstable</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="30"/>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="31"/>
        <source>generating</source>
        <translation>generating</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="32"/>
        <source>generated</source>
        <translation>generated</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="33"/>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="34"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="35"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="36"/>
        <source>checking</source>
        <translation>checking</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="37"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="38"/>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="39"/>
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="40"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="41"/>
        <source>aborted</source>
        <translation>aborted</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="48"/>
        <source>Farming</source>
        <translation>Farming</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="49"/>
        <source>Biota</source>
        <translation>Biota</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="50"/>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="51"/>
        <source>Climatology, meteorology, atmosphere</source>
        <translation>Climatology, meteorology, atmosphere</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="53"/>
        <source>Economy</source>
        <translation>Economy</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="54"/>
        <source>Elevation</source>
        <translation>Elevation</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="55"/>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="56"/>
        <source>Geoscientific information</source>
        <translation>Geoscientific information</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="57"/>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="58"/>
        <source>Imagery, base maps, earth cover</source>
        <translation>Imagery, base maps, earth cover</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="60"/>
        <source>Intelligence, military</source>
        <translation>Intelligence, military</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="61"/>
        <source>Inland waters</source>
        <translation>Inland waters</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="62"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="63"/>
        <source>Oceans</source>
        <translation>Oceans</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="64"/>
        <source>Planning, cadastre</source>
        <translation>Planning, cadastre</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="65"/>
        <source>Society</source>
        <translation>Society</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="66"/>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="67"/>
        <source>Transportation</source>
        <translation>Transportation</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="68"/>
        <source>Utilities, communication</source>
        <translation>Utilities, communication</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="75"/>
        <source>Continual</source>
        <translation>Continual</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="76"/>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="77"/>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="78"/>
        <source>Fortnightly</source>
        <translation>Fortnightly</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="79"/>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="80"/>
        <source>Quarterly</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="81"/>
        <source>Twice a year</source>
        <translation>Twice a year</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="82"/>
        <source>Annually</source>
        <translation>Annually</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="83"/>
        <source>As needed</source>
        <translation>As needed</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="84"/>
        <source>Irregular</source>
        <translation>Irregular</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="85"/>
        <source>Not planned</source>
        <translation>Not planned</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="86"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="92"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../plugin/code_labels.py" line="93"/>
        <source>Dataset series</source>
        <translation>Dataset series</translation>
    </message>
</context>
<context>
    <name>EstimateChart</name>
    <message>
        <location filename="../ui/estimate_chart.py" line="20"/>
        <source>Level {0}: {1} tiles, {2}</source>
        <translation>Level {0}: {1} tiles, {2}</translation>
    </message>
</context>
<context>
    <name>FunctionTask</name>
    <message>
        <location filename="../ui/background.py" line="57"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>KeyNotice</name>
    <message>
        <location filename="../ui/actions.py" line="150"/>
        <source>The key that opens this restricted service is kept in QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”); the layer and the project hold only its id.</source>
        <translation>The key that opens this restricted service is kept in QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”); the layer and the project hold only its id.</translation>
    </message>
    <message>
        <location filename="../ui/key_notice.py" line="15"/>
        <source>Géoplateforme WMTS</source>
        <translation>Géoplateforme WMTS</translation>
    </message>
    <message>
        <location filename="../ui/key_notice.py" line="15"/>
        <source>The access key of {0} was on the layer's URL, so it was saved in clear in the project. It has been removed: the layer now reads the plugin's key from QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”). Save the project to drop the old key; if the layer stays empty, add it again from “Published services”.</source>
        <translation>The access key of {0} was on the layer's URL, so it was saved in clear in the project. It has been removed: the layer now reads the plugin's key from QGIS's authentication database (Settings › Options › Authentication, configuration “Géoplateforme service key”). Save the project to drop the old key; if the layer stays empty, add it again from “Published services”.</translation>
    </message>
</context>
<context>
    <name>LevelInspection</name>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="101"/>
        <source>error: {0}</source>
        <translation>error: {0}</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="103"/>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="108"/>
        <source>differs from the source</source>
        <translation>differs from the source</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="109"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspection_task.py" line="38"/>
        <source>Inspecting WMTS levels</source>
        <translation>Inspecting WMTS levels</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/contact_sheet.py" line="52"/>
        <source>Could not write the contact sheet to {0}</source>
        <translation>Could not write the contact sheet to {0}</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspection_task.py" line="87"/>
        <source>the source layer&apos;s extent in EPSG:3857 differs in the background task ({0}) from the map&apos;s ({1}): its coordinate transform does not work here; restart QGIS</source>
        <translation>the source layer's extent in EPSG:3857 differs in the background task ({0}) from the map's ({1}): its coordinate transform does not work here; restart QGIS</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="35"/>
        <source>The tiles of this layer are {0}, not images: the inspector can only compare image tiles (PNG, JPEG).</source>
        <translation>The tiles of this layer are {0}, not images: the inspector can only compare image tiles (PNG, JPEG).</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="40"/>
        <source>This layer is not tiled on the PM (web mercator) grid: its levels cannot be compared.</source>
        <translation>This layer is not tiled on the PM (web mercator) grid: its levels cannot be compared.</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="72"/>
        <source>no tile over the data</source>
        <translation>no tile over the data</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="73"/>
        <source>{0:.0%} found ({1:.0%} of {2} tiles checked)</source>
        <translation>{0:.0%} found ({1:.0%} of {2} tiles checked)</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/inspector.py" line="105"/>
        <source>the source drew nothing here: not compared</source>
        <translation>the source drew nothing here: not compared</translation>
    </message>
    <message>
        <location filename="../plugin/wmts/renders.py" line="53"/>
        <source>The extent of &apos;{0}&apos; could not be transformed to EPSG:3857 ({1}); check the layer&apos;s CRS, or restart QGIS if the CRS is right.</source>
        <translation>The extent of '{0}' could not be transformed to EPSG:3857 ({1}); check the layer's CRS, or restart QGIS if the CRS is right.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.py" line="96"/>
        <source>Enter your login and password.</source>
        <translation>Enter your login and password.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="122"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="153"/>
        <source>Connecting to the Géoplateforme</source>
        <translation>Connecting to the Géoplateforme</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="170"/>
        <source>Connection failed: {0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="173"/>
        <source>Connected as {0} ({1}).</source>
        <translation>Connected as {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="69"/>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="6"/>
        <source>Connect to the Géoplateforme</source>
        <translation>Connect to the Géoplateforme</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="10"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="14"/>
        <source>Géoplateforme (data.geopf.fr)</source>
        <translation>Géoplateforme (data.geopf.fr)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="20"/>
        <source>Local sandbox (training)</source>
        <translation>Local sandbox (training)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="33"/>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="37"/>
        <source>Login and password (stored in QGIS&apos;s authentication database)</source>
        <translation>Login and password (stored in QGIS's authentication database)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="46"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="48"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="50"/>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="53"/>
        <source>only if your account uses two-factor authentication (never stored)</source>
        <translation>only if your account uses two-factor authentication (never stored)</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="62"/>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="63"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="75"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="76"/>
        <source>Datastore</source>
        <translation>Datastore</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.py" line="152"/>
        <source>Signing in with OAuth2: QGIS opens your browser…</source>
        <translation>Signing in with OAuth2: QGIS opens your browser…</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.ui" line="43"/>
        <source>Browser sign-in (OAuth2: QGIS opens your browser)</source>
        <translation>Browser sign-in (OAuth2: QGIS opens your browser)</translation>
    </message>
</context>
<context>
    <name>MetadataPage</name>
    <message>
        <location filename="../ui/pages/metadata.py" line="183"/>
        <source>Import ISO 19139 metadata</source>
        <translation>Import ISO 19139 metadata</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="183"/>
        <source>XML files (*.xml)</source>
        <translation>XML files (*.xml)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="195"/>
        <source>Import failed: {0}</source>
        <translation>Import failed: {0}</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="200"/>
        <source>Imported from {0}.</source>
        <translation>Imported from {0}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="247"/>
        <source>Enter a scale denominator, e.g. 25000.</source>
        <translation>Enter a scale denominator, e.g. 25000.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="5"/>
        <source>WMTS service and its metadata</source>
        <translation>WMTS service and its metadata</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="6"/>
        <source>Describe the resource. Fields marked * are mandatory; they are prefilled from the layer&apos;s QGIS metadata.</source>
        <translation>Describe the resource. Fields marked * are mandatory; they are prefilled from the layer's QGIS metadata.</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="10"/>
        <source>Import ISO 19139…</source>
        <translation>Import ISO 19139…</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="19"/>
        <source>WMTS technical name *</source>
        <translation>WMTS technical name *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="21"/>
        <source>Public title of the data *</source>
        <translation>Public title of the data *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="23"/>
        <source>Service title *</source>
        <translation>Service title *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="25"/>
        <source>Summary *</source>
        <translation>Summary *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="27"/>
        <source>Unique resource identifier *</source>
        <translation>Unique resource identifier *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="29"/>
        <source>Contact e-mail *</source>
        <translation>Contact e-mail *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="31"/>
        <source>Organisation *</source>
        <translation>Organisation *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="33"/>
        <source>Organisation e-mail *</source>
        <translation>Organisation e-mail *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="35"/>
        <source>Creation date of the resource *</source>
        <translation>Creation date of the resource *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="37"/>
        <source>Keywords *</source>
        <translation>Keywords *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="38"/>
        <source>comma separated</source>
        <translation>comma separated</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="39"/>
        <source>Topic category *</source>
        <translation>Topic category *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="41"/>
        <source>Update frequency *</source>
        <translation>Update frequency *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="43"/>
        <source>Lineage *</source>
        <translation>Lineage *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="45"/>
        <source>Resource type *</source>
        <translation>Resource type *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="47"/>
        <source>Metadata language *</source>
        <translation>Metadata language *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="49"/>
        <source>Character set *</source>
        <translation>Character set *</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="51"/>
        <source>Coordinate reference system</source>
        <translation>Coordinate reference system</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="53"/>
        <source>Spatial resolution (optional)</source>
        <translation>Spatial resolution (optional)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="55"/>
        <source>Attribution text (optional)</source>
        <translation>Attribution text (optional)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata_page.ui" line="57"/>
        <source>Attribution URL (optional)</source>
        <translation>Attribution URL (optional)</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="135"/>
        <source>Reading the datasheet&apos;s metadata</source>
        <translation>Reading the datasheet's metadata</translation>
    </message>
    <message>
        <location filename="../ui/pages/metadata.py" line="128"/>
        <source>The datasheet &quot;{0}&quot; already has its metadata: they are kept as they are and the new WMTS is added to them. Only the WMTS&apos;s name and title are asked here.</source>
        <translation>The datasheet &quot;{0}&quot; already has its metadata: they are kept as they are and the new WMTS is added to them. Only the WMTS's name and title are asked here.</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <location filename="../ui/pages/publish.py" line="20"/>
        <source>Upload the data</source>
        <translation>Upload the data</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="21"/>
        <source>Integrate the data into the database</source>
        <translation>Integrate the data into the database</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="22"/>
        <source>Upload the style (SLD)</source>
        <translation>Upload the style (SLD)</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="23"/>
        <source>Publish the WMS-Vector service</source>
        <translation>Publish the WMS-Vector service</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="24"/>
        <source>Harvest the raster tile pyramid</source>
        <translation>Harvest the raster tile pyramid</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="25"/>
        <source>Publish the metadata</source>
        <translation>Publish the metadata</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="26"/>
        <source>Publish the WMTS service</source>
        <translation>Publish the WMTS service</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="27"/>
        <source>Restrict the access</source>
        <translation>Restrict the access</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="28"/>
        <source>Group in the datasheet (tags)</source>
        <translation>Group in the datasheet (tags)</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="38"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="39"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="40"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="41"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="42"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>WMTS &quot;{0}&quot; (levels {1}–{2}) in datastore &quot;{3}&quot;; access: {4}.</source>
        <translation>WMTS &quot;{0}&quot; (levels {1}–{2}) in datastore &quot;{3}&quot;; access: {4}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>restricted</source>
        <translation>restricted</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="87"/>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="199"/>
        <source>PUBLISHED: {0} — &lt;a href=&quot;{1}&quot;&gt;capabilities&lt;/a&gt;</source>
        <translation>PUBLISHED: {0} — &lt;a href=&quot;{1}&quot;&gt;capabilities&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="214"/>
        <source>The step &quot;{0}&quot; failed: {1}</source>
        <translation>The step &quot;{0}&quot; failed: {1}</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="233"/>
        <source>Cancelled during &quot;{0}&quot;: nothing is lost, Resume continues where it stopped.</source>
        <translation>Cancelled during &quot;{0}&quot;: nothing is lost, Resume continues where it stopped.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="248"/>
        <source>Elapsed: {0} min {1:02d} s</source>
        <translation>Elapsed: {0} min {1:02d} s</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="5"/>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="6"/>
        <source>Every step runs in the background; you can keep working in QGIS. A failed or cancelled publication can be resumed without creating anything twice.</source>
        <translation>Every step runs in the background; you can keep working in QGIS. A failed or cancelled publication can be resumed without creating anything twice.</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="12"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="13"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="20"/>
        <source>Publish the service now</source>
        <translation>Publish the service now</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="21"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="22"/>
        <source>Cancel the publication</source>
        <translation>Cancel the publication</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish_page.ui" line="26"/>
        <source>Add the WMTS to the map and open the zoom-level inspector when published</source>
        <translation>Add the WMTS to the map and open the zoom-level inspector when published</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="30"/>
        <source>Check the names and settings</source>
        <translation>Check the names and settings</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="31"/>
        <source>Remove what the earlier run left</source>
        <translation>Remove what the earlier run left</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Switch the WMS-V to the new version</source>
        <translation>Switch the WMS-V to the new version</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Switch the WMTS to the new pyramid</source>
        <translation>Switch the WMTS to the new pyramid</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="32"/>
        <source>Remove the replaced versions</source>
        <translation>Remove the replaced versions</translation>
    </message>
    <message>
        <location filename="../ui/pages/publish.py" line="217"/>
        <source>The publication failed: {0}</source>
        <translation>The publication failed: {0}</translation>
    </message>
</context>
<context>
    <name>PublishWizard</name>
    <message>
        <location filename="../ui/publish_wizard.py" line="35"/>
        <source>Publish a WMTS on the Géoplateforme</source>
        <translation>Publish a WMTS on the Géoplateforme</translation>
    </message>
</context>
<context>
    <name>PublishedServicesDock</name>
    <message>
        <location filename="../ui/published_dock.py" line="79"/>
        <source>Connect to the Géoplateforme first.</source>
        <translation>Connect to the Géoplateforme first.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="186"/>
        <source>{0} added to the map.</source>
        <translation>{0} added to the map.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="211"/>
        <source>Published services</source>
        <translation>Published services</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="221"/>
        <source>Delete the service &quot;{0}&quot;? It is unpublished, then its configuration is deleted.</source>
        <translation>Delete the service &quot;{0}&quot;? It is unpublished, then its configuration is deleted.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="221"/>
        <source>Unpublish the service &quot;{0}&quot;? Its users lose access; the configuration is kept.</source>
        <translation>Unpublish the service &quot;{0}&quot;? Its users lose access; the configuration is kept.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="228"/>
        <source>Removing {0}…</source>
        <translation>Removing {0}…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="229"/>
        <source>Removing a service</source>
        <translation>Removing a service</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="11"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="17"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="18"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="25"/>
        <source>Add to map</source>
        <translation>Add to map</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="26"/>
        <source>Open capabilities</source>
        <translation>Open capabilities</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="27"/>
        <source>Unpublish…</source>
        <translation>Unpublish…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="204"/>
        <source>Reading the restricted capabilities</source>
        <translation>Reading the restricted capabilities</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="88"/>
        <source>Loading the datasheets…</source>
        <translation>Loading the datasheets…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="98"/>
        <source>Listing the datasheets</source>
        <translation>Listing the datasheets</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="118"/>
        <source>{0} datasheets, {1} services.</source>
        <translation>{0} datasheets, {1} services.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="118"/>
        <source>No datasheet in this datastore.</source>
        <translation>No datasheet in this datastore.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="242"/>
        <source>Reading what the datasheet &quot;{0}&quot; holds…</source>
        <translation>Reading what the datasheet &quot;{0}&quot; holds…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="252"/>
        <source>Planning the datasheet&apos;s deletion</source>
        <translation>Planning the datasheet's deletion</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="266"/>
        <source>The datasheet &quot;{0}&quot; holds nothing left to delete.</source>
        <translation>The datasheet &quot;{0}&quot; holds nothing left to delete.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="270"/>
        <source>Delete the datasheet &quot;{0}&quot; and everything it holds? This cannot be undone. What will go:</source>
        <translation>Delete the datasheet &quot;{0}&quot; and everything it holds? This cannot be undone. What will go:</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="275"/>
        <source>Nothing deleted.</source>
        <translation>Nothing deleted.</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="304"/>
        <source>Deleting the datasheet &quot;{0}&quot;…</source>
        <translation>Deleting the datasheet &quot;{0}&quot;…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="306"/>
        <source>Deleting the datasheet {0}</source>
        <translation>Deleting the datasheet {0}</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="306"/>
        <source>The datasheet &quot;{0}&quot; is deleted ({1} removals).</source>
        <translation>The datasheet &quot;{0}&quot; is deleted ({1} removals).</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="5"/>
        <source>Datasheets</source>
        <translation>Datasheets</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="16"/>
        <source>Datasheet / resource</source>
        <translation>Datasheet / resource</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="19"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="20"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="28"/>
        <source>Delete datasheet…</source>
        <translation>Delete datasheet…</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.ui" line="34"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/published_dock.py" line="285"/>
        <source>Deleting the datasheet &quot;{0}&quot;: {1}…</source>
        <translation>Deleting the datasheet &quot;{0}&quot;: {1}…</translation>
    </message>
</context>
<context>
    <name>PyramidPage</name>
    <message>
        <location filename="../ui/pages/pyramid.py" line="124"/>
        <source>{0} to {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid.py" line="143"/>
        <source>{0} tiles, about {1} in total.</source>
        <translation>{0} tiles, about {1} in total.</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="5"/>
        <source>Raster tile pyramid</source>
        <translation>Raster tile pyramid</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="6"/>
        <source>Name the pyramid and choose its visibility range (&quot;plage de visibilité&quot;): the PM levels harvested from the WMS-V.</source>
        <translation>Name the pyramid and choose its visibility range (&quot;plage de visibilité&quot;): the PM levels harvested from the WMS-V.</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="8"/>
        <source>Technical name</source>
        <translation>Technical name</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="10"/>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="16"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="18"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="26"/>
        <source>Extent</source>
        <translation>Extent</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="29"/>
        <source>Data extent</source>
        <translation>Data extent</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="30"/>
        <source>Map canvas extent</source>
        <translation>Map canvas extent</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="33"/>
        <source>Tile format</source>
        <translation>Tile format</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid_page.ui" line="35"/>
        <source>Estimate</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../ui/pages/pyramid.py" line="136"/>
        <source>The tiles are counted when the extent is known.</source>
        <translation>The tiles are counted when the extent is known.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../ui/session.py" line="33"/>
        <source>QGIS&apos;s authentication database is locked: set its master password first.</source>
        <translation>QGIS's authentication database is locked: set its master password first.</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="61"/>
        <source>The credentials could not be stored in QGIS&apos;s authentication database.</source>
        <translation>The credentials could not be stored in QGIS's authentication database.</translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="124"/>
        <source>The OAuth2 configuration could not be stored in QGIS&apos;s authentication database.</source>
        <translation>The OAuth2 configuration could not be stored in QGIS's authentication database.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../ui/pages/source.py" line="161"/>
        <source>Connected as {0}.</source>
        <translation>Connected as {0}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="163"/>
        <source> (sandbox)</source>
        <translation> (sandbox)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="11"/>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="305"/>
        <source>Connect and choose a datastore.</source>
        <translation>Connect and choose a datastore.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="309"/>
        <source>Choose a vector layer.</source>
        <translation>Choose a vector layer.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="311"/>
        <source>No feature is selected in this layer.</source>
        <translation>No feature is selected in this layer.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="5"/>
        <source>Data to publish</source>
        <translation>Data to publish</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="8"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="12"/>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="15"/>
        <source>Datastore</source>
        <translation>Datastore</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="17"/>
        <source>Upload the data of a QGIS layer</source>
        <translation>Upload the data of a QGIS layer</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="18"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="20"/>
        <source>Selected features only</source>
        <translation>Selected features only</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="31"/>
        <source>Datasheet name</source>
        <translation>Datasheet name</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="32"/>
        <source>Groups everything of this publication on cartes.gouv.fr (the &quot;fiche de données&quot;).</source>
        <translation>Groups everything of this publication on cartes.gouv.fr (the &quot;fiche de données&quot;).</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="255"/>
        <source>Reading the data&apos;s extent</source>
        <translation>Reading the data's extent</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="269"/>
        <source>Listing what the datastore holds…</source>
        <translation>Listing what the datastore holds…</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="286"/>
        <source>Nothing of this kind in the datastore.</source>
        <translation>Nothing of this kind in the datastore.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="295"/>
        <source>Listing the datastore&apos;s resources</source>
        <translation>Listing the datastore's resources</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="315"/>
        <source>Choose the existing resource to start from.</source>
        <translation>Choose the existing resource to start from.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="6"/>
        <source>Start from the layer, or from what the datastore already holds, as the guide does: a stored data, a WMS-V service or a raster pyramid.</source>
        <translation>Start from the layer, or from what the datastore already holds, as the guide does: a stored data, a WMS-V service or a raster pyramid.</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="21"/>
        <source>Reuse a vector stored data of the datastore (no upload)</source>
        <translation>Reuse a vector stored data of the datastore (no upload)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="22"/>
        <source>Harvest an existing WMS-V service (no upload, no style, no new WMS-V)</source>
        <translation>Harvest an existing WMS-V service (no upload, no style, no new WMS-V)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="23"/>
        <source>Serve an existing raster pyramid (only the WMTS, its metadata and access)</source>
        <translation>Serve an existing raster pyramid (only the WMTS, its metadata and access)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source_page.ui" line="24"/>
        <source>Existing resource</source>
        <translation>Existing resource</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="126"/>
        <source>Publish a layer group as one map (one WMTS)</source>
        <translation>Publish a layer group as one map (one WMTS)</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="129"/>
        <source>Layer group</source>
        <translation>Layer group</translation>
    </message>
    <message>
        <location filename="../ui/pages/source.py" line="330"/>
        <source>Choose a layer group.</source>
        <translation>Choose a layer group.</translation>
    </message>
</context>
<context>
    <name>StylePage</name>
    <message>
        <location filename="../ui/pages/style.py" line="57"/>
        <source>A stored data is reused: its style is not checked here; the layer&apos;s style is used when available.</source>
        <translation>A stored data is reused: its style is not checked here; the layer's style is used when available.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="75"/>
        <source>Checking the style…</source>
        <translation>Checking the style…</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="83"/>
        <source>Checking the style</source>
        <translation>Checking the style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="95"/>
        <source>No problem found: the SLD is ready.</source>
        <translation>No problem found: the SLD is ready.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="102"/>
        <source>The style could not be checked: {0}</source>
        <translation>The style could not be checked: {0}</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="134"/>
        <source>Rendering the style preview</source>
        <translation>Rendering the style preview</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="144"/>
        <source>QGIS rendering (level {0})</source>
        <translation>QGIS rendering (level {0})</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="152"/>
        <source>{0} error(s), {1} warning(s).</source>
        <translation>{0} error(s), {1} warning(s).</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="5"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="6"/>
        <source>The layer&apos;s QGIS style becomes an SLD 1.0.0 the platform accepts. Errors block the publication; warnings explain what will look different.</source>
        <translation>The layer's QGIS style becomes an SLD 1.0.0 the platform accepts. Errors block the publication; warnings explain what will look different.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="10"/>
        <source>Check the style again</source>
        <translation>Check the style again</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="11"/>
        <source>Not checked yet.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="17"/>
        <source>QGIS rendering</source>
        <translation>QGIS rendering</translation>
    </message>
    <message>
        <location filename="../ui/pages/style_page.ui" line="18"/>
        <source>Rendering with the exported SLD</source>
        <translation>Rendering with the exported SLD</translation>
    </message>
    <message>
        <location filename="../ui/pages/style.py" line="155"/>
        <source>Fidelity score: {0:.0%} (faithful from {1:.0%}; worst: level {2}, shown).</source>
        <translation>Fidelity score: {0:.0%} (faithful from {1:.0%}; worst: level {2}, shown).</translation>
    </message>
</context>
<context>
    <name>WmsvPage</name>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="5"/>
        <source>WMS-Vector service</source>
        <translation>WMS-Vector service</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="6"/>
        <source>The WMS-V renders the data with the style; the raster pyramid is harvested from it.</source>
        <translation>The WMS-V renders the data with the style; the raster pyramid is harvested from it.</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="8"/>
        <source>Technical name</source>
        <translation>Technical name</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="10"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="12"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="14"/>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../ui/pages/wmsv_page.ui" line="15"/>
        <source>comma separated</source>
        <translation>comma separated</translation>
    </message>
</context>
<context>
    <name>WmtsLayer</name>
    <message>
        <location filename="../ui/wmts_layer.py" line="84"/>
        <source>Adding the WMTS to the map</source>
        <translation>Adding the WMTS to the map</translation>
    </message>
</context>
<context>
    <name>ZoomInspectorDock</name>
    <message>
        <location filename="../ui/inspector_dock.py" line="102"/>
        <source>Add a WMTS layer to the project, or publish one.</source>
        <translation>Add a WMTS layer to the project, or publish one.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="139"/>
        <source>Reading the WMTS capabilities…</source>
        <translation>Reading the WMTS capabilities…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="140"/>
        <source>Reading the WMTS capabilities</source>
        <translation>Reading the WMTS capabilities</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="169"/>
        <source>{0}: {1} levels ({2}–{3}).</source>
        <translation>{0}: {1} levels ({2}–{3}).</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="294"/>
        <source>Checking {0} levels…</source>
        <translation>Checking {0} levels…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="320"/>
        <source>Levels to look at: {0}.</source>
        <translation>Levels to look at: {0}.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="323"/>
        <source>Every level holds tiles and matches the source.</source>
        <translation>Every level holds tiles and matches the source.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="344"/>
        <source>Save the contact sheet</source>
        <translation>Save the contact sheet</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="344"/>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="353"/>
        <source>Contact sheet saved to {0}.</source>
        <translation>Contact sheet saved to {0}.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="5"/>
        <source>Zoom-level inspector</source>
        <translation>Zoom-level inspector</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="10"/>
        <source>WMTS layer</source>
        <translation>WMTS layer</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="12"/>
        <source>Source layer</source>
        <translation>Source layer</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="21"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="22"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="23"/>
        <source>Resolution (m/px)</source>
        <translation>Resolution (m/px)</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="25"/>
        <source>Similarity</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="26"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="31"/>
        <source>◀ Previous level</source>
        <translation>◀ Previous level</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="32"/>
        <source>Next level ▶</source>
        <translation>Next level ▶</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="33"/>
        <source>Check every level</source>
        <translation>Check every level</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="34"/>
        <source>Save contact sheet…</source>
        <translation>Save contact sheet…</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="40"/>
        <source>WMTS</source>
        <translation>WMTS</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="41"/>
        <source>Source rendered locally</source>
        <translation>Source rendered locally</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="263"/>
        <source>This layer is not a WMTS: the inspector compares WMTS image tiles only.</source>
        <translation>This layer is not a WMTS: the inspector compares WMTS image tiles only.</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.py" line="327"/>
        <source>Similarity counts as faithful from {0:.2f}; worst: level {1} ({2:.2f}).</source>
        <translation>Similarity counts as faithful from {0:.2f}; worst: level {1} ({2:.2f}).</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="24"/>
        <source>Tiles</source>
        <translation>Tiles</translation>
    </message>
    <message>
        <location filename="../ui/inspector_dock.ui" line="37"/>
        <source>Keep the project CRS when stepping (otherwise the map switches to the level&apos;s CRS)</source>
        <translation>Keep the project CRS when stepping (otherwise the map switches to the level's CRS)</translation>
    </message>
</context>
</TS>
