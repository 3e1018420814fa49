"""The connected account: users/me, then each of the user's datastores (network: in a task)."""

from __future__ import annotations

from dataclasses import replace

from .models import Account, Datastore, looks_like_sandbox


def fetch_account(api) -> Account:
    """``api`` is an EntrepotApi; one datastore per community that has one, named as the
    platform names it and flagged sandbox when the community's or the datastore's names say
    so."""
    user = api.me()
    datastores = []
    for community in user.communities:
        if not community.datastore_id:
            continue
        datastore: Datastore = api.datastore(community.datastore_id)
        datastores.append(replace(
            datastore,
            name=datastore.name or community.name or community.technical_name,
            community_name=community.name or community.technical_name,
            sandbox=datastore.sandbox or looks_like_sandbox(community.technical_name,
                                                            community.name)))
    return Account(user=user, datastores=tuple(datastores))
