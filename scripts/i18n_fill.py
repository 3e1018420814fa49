"""Completes the translation catalogues after `make i18n-update` (pylupdate5).

    python scripts/i18n_fill.py --english          # the English catalogue is the identity
    python scripts/i18n_fill.py --todo > todo.tsv  # French still missing: context, source, ""
    python scripts/i18n_fill.py --french todo.tsv  # writes the third column as the French
    python scripts/i18n_fill.py --from-ts other.ts # French still missing, taken from another
                                                   # version of the catalogue (after a merge
                                                   # that kept one side's .ts)

The TSV escapes tabs and newlines as \\t and \\n. A French translation equal to its English
source is accepted only for words the same in both languages (tests/ui/test_french_ui.py has
the list): the file is plain, so a reviewer reads every new translation in the diff.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from lxml import etree

I18N = Path(__file__).resolve().parents[1] / "i18n"
FRENCH = I18N / "gpf_wmts_publisher_fr.ts"
ENGLISH = I18N / "gpf_wmts_publisher_en.ts"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(nxt, "\\" + nxt))
        else:
            out.append(char)
    return "".join(out)


def _messages(tree):
    for context in tree.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def _unfinished(translation) -> bool:
    return translation.get("type") == "unfinished" or not translation.text


def _write(tree, path: Path) -> None:
    body = etree.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def _rewrite_as_pylupdate_does() -> None:
    # pylupdate5 reads back what we wrote and writes it in its own escaping, so that the next
    # `make i18n` changes nothing; it also compiles the .qm files.
    subprocess.run(["make", "-s", "i18n"], cwd=I18N.parent, check=True,
                   stderr=subprocess.DEVNULL)


def fill_english() -> int:
    tree = etree.parse(str(ENGLISH))
    changed = 0
    for _context, message in _messages(tree):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation.text != source or translation.get("type"):
            translation.text = source
            translation.attrib.pop("type", None)
            changed += 1
    _write(tree, ENGLISH)
    return changed


def print_todo() -> int:
    count = 0
    for context, message in _messages(etree.parse(str(FRENCH))):
        if _unfinished(message.find("translation")):
            print(f"{_escape(context)}\t{_escape(message.findtext('source'))}\t")
            count += 1
    return count


def fill_french(tsv: Path) -> int:
    wanted = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.strip():
            context, source, french = line.split("\t")
            if french.strip():
                wanted[(_unescape(context), _unescape(source))] = _unescape(french)
    tree = etree.parse(str(FRENCH))
    changed = 0
    for context, message in _messages(tree):
        french = wanted.get((context, message.findtext("source")))
        if french is not None:
            translation = message.find("translation")
            translation.text = french
            translation.attrib.pop("type", None)
            changed += 1
    _write(tree, FRENCH)
    return changed


def fill_from_ts(other: Path) -> int:
    """Writes, for each unfinished French entry, the translation ``other`` has for it."""
    known = {(context, message.findtext("source")): message.find("translation").text
             for context, message in _messages(etree.parse(str(other)))
             if not _unfinished(message.find("translation"))}
    tree = etree.parse(str(FRENCH))
    changed = 0
    for context, message in _messages(tree):
        translation = message.find("translation")
        french = known.get((context, message.findtext("source")))
        if _unfinished(translation) and french:
            translation.text = french
            translation.attrib.pop("type", None)
            changed += 1
    _write(tree, FRENCH)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--english", action="store_true")
    group.add_argument("--todo", action="store_true")
    group.add_argument("--french", type=Path)
    group.add_argument("--from-ts", type=Path)
    args = parser.parse_args()
    if args.english:
        print(f"{fill_english()} English entries set to their source", file=sys.stderr)
    elif args.todo:
        print(f"{print_todo()} French entries to translate", file=sys.stderr)
    elif args.from_ts:
        print(f"{fill_from_ts(args.from_ts)} French entries taken from {args.from_ts}",
              file=sys.stderr)
    else:
        print(f"{fill_french(args.french)} French entries written", file=sys.stderr)
    if not args.todo:
        _rewrite_as_pylupdate_does()
    return 0


if __name__ == "__main__":
    sys.exit(main())
