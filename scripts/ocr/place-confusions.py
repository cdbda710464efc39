"""Which characters tesseract reads for others in the place names of the bundled gazetteers (evidence for
grammars/repair/confusions.yaml). Renders each place name in a few sentences with render.py (Noto Serif CJK, a
light blur), at full size and scaled down as a 200 dpi scan of a 16 pt page is, OCRs the pages (chi_sim,
--psm 6), and counts, for lines read at their length, each character of a place name read as another.

usage: python3 scripts/ocr/place-confusions.py [WORK_DIR]   (run from the repository root)
Prints `read printed count place` rows, most frequent first, and how many names were read right.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render import read_pages  # noqa: E402

SUFFIXES = '市县区旗州盟'
CONTEXTS = ['责任单位：{}人民政府', '加强{}黄河流域保护', '{}要开展专项排查']
SCALES = ['100%', '66%']


def places():
    names = set()
    for path in sorted(glob.glob('grammars/units/*.json')):
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        for unit in data.get('units', []):
            for name in [unit['name']] + unit.get('aliases', []):
                if 3 <= len(name) <= 8 and name[-1] in SUFFIXES and all('\u3400' <= c <= '\u9fff' for c in name):
                    names.add(name)
    return sorted(names)


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix='place-confusions-')
    os.makedirs(work, exist_ok=True)
    names = places()
    lines = [(name, ctx.format(name)) for name in names for ctx in CONTEXTS]
    source = os.path.join(work, 'places.txt')
    with open(source, 'w', encoding='utf-8') as f:
        f.write('\n'.join(text for _, text in lines) + '\n')
    prefix = os.path.join(work, 'places')
    subprocess.run(['python3', 'scripts/ocr/render.py', source, prefix, str(len(lines))], check=True)
    pages = sorted(glob.glob(prefix + '-p*.png'), key=lambda p: int(p.rsplit('-p', 1)[1][:-4]))
    pairs = collections.Counter()
    examples = {}
    right = total = 0
    for scale in SCALES:
        read = read_pages(pages, scale)
        for (name, text), got in zip(lines, read):
            total += 1
            at = text.index(name)
            if len(got) != len(text):
                continue
            seen = got[at:at + len(name)]
            if seen == name:
                right += 1
            for a, b in zip(seen, name):
                if a != b:
                    pairs[(a, b)] += 1
                    examples.setdefault((a, b), name)
    for (a, b), n in pairs.most_common():
        print(f'{a} {b} {n} {examples[(a, b)]}')
    print(f'# {right} of {total} renderings read right ({len(names)} names, scales {", ".join(SCALES)})')


main()
