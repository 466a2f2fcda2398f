#!/usr/bin/env python3
"""Fills the English plural forms in cwconnector_en.ts after lupdate.

Source strings write plurals as "%n value(s)"; English needs "1 value" and "2 values". For every
numerus message this writes the singular (drops "(s)", "(es)", turns "(ies)" back into "y") and the
plural form, and marks it finished. Other messages stay untranslated (the source text is English).
Run: python3 resources/translations/fill-english-plurals.py
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("cwconnector_en.ts")

SINGULAR_VERBS = {"have": "has", "are": "is", "were": "was"}


def forms(source: str):
    singular = re.sub(r"(\w+)\(ies\)", r"\1y", source)
    singular = re.sub(r"\((?:s|es)\)", "", singular)
    plural = re.sub(r"(\w+)\(ies\)", r"\1ies", source)
    plural = re.sub(r"\((s|es)\)", r"\1", plural)
    # "%n row(s) have errors": the verb right after the counted noun agrees with it.
    for many, one in SINGULAR_VERBS.items():
        singular = re.sub(r"(%n \w+) " + many + r"\b", r"\1 " + one, singular)
    return singular, plural


def main() -> int:
    tree = ET.parse(TS)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in forms(source):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    # Keep the DOCTYPE line lupdate writes, so the next lupdate run leaves the file as it is.
    text = TS.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        TS.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    print(f"{TS.name}: {filled} plural message(s) filled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
