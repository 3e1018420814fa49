"""Only small, real images become public annexes (issue 14, hole 2): an SVG marker path
pointing to any local file had that file published without a token."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.sld.annex_files import (
    MAX_ANNEX_BYTES,
    AnnexRefused,
    read_annex_file,
    sniff_image,
)
from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.transform import transform_sld

from .sld_samples import external_graphic, rule, sld

SVG = b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'><circle r='4'/></svg>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
GIF = b"GIF89a" + b"\x00" * 64


@pytest.mark.parametrize("data, mime", [(SVG, "image/svg+xml"), (PNG, "image/png"),
                                        (JPEG, "image/jpeg"), (GIF, "image/gif")])
def test_real_images_are_recognised_by_content(data, mime):
    assert sniff_image(data) == (mime, "")


@pytest.mark.parametrize("data", [
    b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n",
    b"password=hunter2\n",
    b"<html><body>secret</body></html>",
    b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>",
    b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
    b"<image x:href='file:///etc/passwd'/></svg>",
    b"<!DOCTYPE svg [<!ENTITY s SYSTEM 'file:///etc/passwd'>]>"
    b"<svg xmlns='http://www.w3.org/2000/svg'><text>&s;</text></svg>",
])
def test_anything_else_is_refused(data):
    mime, reason = sniff_image(data)
    assert mime is None and reason


def test_a_file_over_the_documented_size_is_refused(tmp_path):
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\x00" * MAX_ANNEX_BYTES)
    with pytest.raises(AnnexRefused) as refused:
        read_annex_file(str(big))
    assert "octets" in refused.value.reason_fr


def _findings(result, code):
    return [f for f in result.findings if f.code == code]


def test_a_secret_file_behind_an_svg_marker_is_not_an_annex(tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n")
    result = transform_sld(sld(rule(external_graphic(str(secret)))), table_name="t")
    assert result.annexes == []
    [fallback] = _findings(result, "GRAPHIC_FALLBACK")
    assert fallback.severity is Severity.WARNING and "not an SVG, PNG" in fallback.text("en")
    assert b"id_rsa" not in result.sld_bytes


def test_an_accepted_icon_is_listed_with_its_sniffed_type_and_size_before_upload(tmp_path):
    icon = tmp_path / "pin.svg"  # a PNG named .svg: the content decides
    icon.write_bytes(PNG)
    result = transform_sld(sld(rule(external_graphic(str(icon)))), table_name="t")
    [annex] = result.annexes
    assert annex.mime_type == "image/png"
    [listed] = _findings(result, "ANNEX_REQUIRED")
    assert str(icon) in listed.text("en") and "image/png" in listed.text("en")
    assert f"{len(PNG)} bytes" in listed.text("en") and "public annex" in listed.text("en")
