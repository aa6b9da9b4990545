"""Keep the translations of texts that moved to another class (``make translations``).

Qt files a translation under the class that says the text, so moving code to another class
makes its texts "new"; lupdate's same-text heuristic refills them from the old entries but
marks them unfinished. This accepts those refilled translations (same English, already
reviewed) and lists the texts still without a translation, to be written by a translator.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(path: str) -> int:
    ts = Path(path)
    text = ts.read_text("utf-8")
    tree = ET.ElementTree(ET.fromstring(text))  # noqa: S314 (our own file)
    missing = []
    for context in tree.getroot():
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            if (translation.text or "").strip():
                del translation.attrib["type"]
            else:
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    header = text[:text.index("<TS")]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(header + body + "\n", "utf-8")
    for line in missing:
        print(f"not translated yet: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
