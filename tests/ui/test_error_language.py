"""Errors reach the user in the interface's language: the publication's own errors, the
bilingual capabilities/metadata errors, and the platform's statuses inside them."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.errors import PublishError, WaitTimeoutError
from gpf_wmts_publisher.plugin.publish.waiting import wait_for
from gpf_wmts_publisher.plugin.publish.workflow import publication_error_text
from gpf_wmts_publisher.plugin.wmts.capabilities import LayerNotInCapabilities
from gpf_wmts_publisher.ui.background import error_text


def _timeout_message() -> str:
    ticks = iter(range(100))
    with pytest.raises(WaitTimeoutError) as caught:
        wait_for(lambda: "WAITING", lambda _s: False, timeout_s=5, first_s=0.001,
                 max_s=0.001, clock=lambda: next(ticks), sleep=lambda _s: None,
                 what="")
    return publication_error_text(caught.value)


def test_a_publication_error_is_french_in_a_french_interface(french_interface):
    assert _timeout_message() == "la plateforme : pas terminé en 5 s"


def test_a_publication_error_is_english_otherwise(qgis_app):
    assert _timeout_message() == "the platform did not finish within 5 s"


def test_the_step_is_not_shown_as_its_code(qgis_app):
    """The publish page says "The step « Données » failed: …": no "[data]" code after it."""
    from gpf_wmts_publisher.ui.pages.publish import without_step_code

    message = publication_error_text(PublishError("the file changed", step="data"))
    assert without_step_code(message, "data") == "the file changed"
    assert without_step_code("[other] words", "data") == "[other] words"


def test_bilingual_errors_follow_the_interface(french_interface):
    error = LayerNotInCapabilities("parcelles", ("autre",))
    assert error_text(error).startswith("La couche « parcelles » n'est pas")


def test_bilingual_errors_in_english(qgis_app):
    error = LayerNotInCapabilities("parcelles", ("autre",))
    assert error_text(error).startswith("The layer 'parcelles' is not")


def test_platform_statuses_are_words(french_interface):
    from gpf_wmts_publisher.plugin.code_labels import status_label, topic_label

    assert status_label("PUBLISHED") == "publié"
    assert topic_label("farming") == "Agriculture"
    assert status_label("NEW_STATUS") == "NEW_STATUS"  # a code with no label stays visible
