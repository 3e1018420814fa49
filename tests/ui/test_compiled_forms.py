"""The Designer forms are compiled ahead (issue 17, P3: no XML parsed on the GUI thread when a
window opens), kept in step with their .ui files, and equal to what uic builds from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gpf_wmts_publisher.ui.forms import compiled_form, form_class
from qgis.PyQt import uic

from scripts.compile_forms import stale_forms, ui_files

UI_FILES = ui_files()


def widget_tree(widget):
    """(class name, object name) of the widget and of every object under it."""
    return sorted((child.metaObject().className(), child.objectName())
                  for child in [widget, *widget.findChildren(object)]
                  if child.objectName())


def test_every_form_is_compiled_from_its_current_ui_file():
    assert UI_FILES, "no .ui file found"
    assert stale_forms() == {}, "run scripts/compile_forms.py"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda path: path.name)
def test_a_compiled_form_builds_the_same_widgets_as_uic_does(qgis_app, ui_file):
    compiled = compiled_form(str(ui_file))
    assert compiled is not None
    from_ui, base = uic.loadUiType(str(ui_file))
    built, reference = base(), base()
    compiled().setupUi(built)
    from_ui().setupUi(reference)
    assert widget_tree(built) == widget_tree(reference)
    assert built.windowTitle() == reference.windowTitle()


def test_a_form_edited_after_compiling_is_compiled_at_run_time(qgis_app, tmp_path):
    source = next(path for path in UI_FILES if path.name == "login_dialog.ui")
    edited = Path(shutil.copy(source, tmp_path / source.name))
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "</ui>", "<!-- edited in Designer -->\n</ui>"), encoding="utf-8")
    assert compiled_form(str(edited)) is None
    form = form_class(str(edited))
    assert form.__name__ == "Ui_LoginDialog" and form is not compiled_form(str(source))


def test_a_crlf_checkout_of_a_ui_file_uses_the_compiled_form(qgis_app, tmp_path):
    source = next(path for path in UI_FILES if path.name == "login_dialog.ui")
    windows = tmp_path / source.name
    windows.write_bytes(source.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert compiled_form(str(windows)) is compiled_form(str(source)) is not None
