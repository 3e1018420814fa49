"""How QGIS marks a label it could not write in SLD (an expression SLD cannot carry)."""

from __future__ import annotations

# QGIS writes the word "Placeholder" where the label expression should be. Up to 3.40 it adds a
# comment "SE Export for <expression> not implemented yet"; 3.44's exportSldStyleV3 leaves the
# word alone and reports the expression in the export context's errors instead.
PLACEHOLDER_TEXT = "Placeholder"


def is_label_placeholder(label) -> bool:
    """Whether the lxml ``Label`` element is QGIS's stand-in for an unexported expression."""
    notes = " ".join(c.text or "" for c in label if not isinstance(c.tag, str))
    if "not implemented" in notes.lower():
        return True
    has_elements = any(isinstance(c.tag, str) for c in label)
    text = "".join([label.text or ""] + [c.tail or "" for c in label]).strip()
    return not has_elements and text == PLACEHOLDER_TEXT
