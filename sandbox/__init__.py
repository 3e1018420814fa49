"""The local Géoplateforme: entrepôt API, token endpoint, services and workers (127.0.0.1 only).

Never packaged with the plugin and never imports it: it stands for the real platform.
"""
