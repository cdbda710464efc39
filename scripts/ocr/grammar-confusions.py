"""Audit of grammars/repair/confusions.yaml `characters`: does tesseract read each printed character as the listed
one on pages nobody evaluates? For every pair whose printed side is an ideograph, the words of the notice grammars
that hold it (grammars/*.yaml and grammars/units/*.json; grammars/repair/, made from OCR readings, left out; at most
WORDS_PER_CHAR, shortest first) are set in neutral sentences, rendered with render.py (Noto Serif CJK, a light blur)
at full size and scaled down as a 200 dpi scan of a 16 pt page is, and read by tesseract (chi_sim, --psm 6). Counts,
for lines read at their length, each printed character of those words read as another.

usage: python3 scripts/ocr/grammar-confusions.py [WORK_DIR]   (run from the repository root)
Prints, per pair of confusions.yaml, how often the pair was seen in how many renderings of its character, then the
other confusions of those characters met on the way.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render import read_pages  # noqa: E402

import yaml

CONTEXTS = ['会议要求{}按期完成', '一是做好{}的有关工作', '加强{}，推动落实']
SCALES = ['100%', '66%']
WORDS_PER_CHAR = 12
HAN_RUN = re.compile(r'[\u4e00-\u9fff]{2,8}')


def grammar_words():
    """Runs of 2-8 ideographs in the grammar files (strings only, comments left out), with unit names."""
    words = set()

    def walk(node):
        if isinstance(node, str):
            words.update(HAN_RUN.findall(node))
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in sorted(glob.glob('grammars/*.yaml')):
        with open(path, encoding='utf-8') as f:
            walk(yaml.safe_load(f))
    for path in sorted(glob.glob('grammars/*.json')) + sorted(glob.glob('grammars/units/*.json')):
        with open(path, encoding='utf-8') as f:
            walk(json.load(f))
    return words


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix='grammar-confusions-')
    os.makedirs(work, exist_ok=True)
    with open('grammars/repair/confusions.yaml', encoding='utf-8') as f:
        listed = [(c['read'], c['printed']) for c in yaml.safe_load(f)['characters']]
    printed = sorted({p for _, p in listed if len(p) == 1 and '\u4e00' <= p <= '\u9fff'})
    words = grammar_words()
    chosen = {c: sorted((w for w in words if c in w), key=lambda w: (len(w), w))[:WORDS_PER_CHAR] for c in printed}
    lines = [(c, w, ctx.format(w)) for c in printed for w in chosen[c] for ctx in CONTEXTS]
    source = os.path.join(work, 'grammar.txt')
    with open(source, 'w', encoding='utf-8') as f:
        f.write('\n'.join(text for _, _, text in lines) + '\n')
    prefix = os.path.join(work, 'grammar')
    subprocess.run(['python3', 'scripts/ocr/render.py', source, prefix, str(len(lines))], check=True)
    pages = sorted(glob.glob(prefix + '-p*.png'), key=lambda p: int(p.rsplit('-p', 1)[1][:-4]))
    pairs = collections.Counter()
    examples = {}
    renderings = collections.Counter()
    for scale in SCALES:
        read = read_pages(pages, scale)
        for (char, word, text), got in zip(lines, read):
            if len(got) != len(text):
                continue
            at = text.index(word)
            for k, (a, b) in enumerate(zip(got[at:at + len(word)], word)):
                if b != char:
                    continue
                renderings[char] += 1
                if a != b:
                    pairs[(a, b)] += 1
                    examples.setdefault((a, b), f'{word} read {got[at:at + len(word)]} ({scale})')
    for read, print_ in listed:
        if print_ in renderings:
            n = pairs[(read, print_)]
            print(f'{read} for {print_}: {n} of {renderings[print_]}' + (f'  e.g. {examples[(read, print_)]}' if n else ''))
        else:
            print(f'{read} for {print_!r}: not audited (no ideograph printed)')
    others = [(k, n) for k, n in pairs.most_common() if k not in listed]
    if others:
        print('# other confusions of these characters:')
        for (a, b), n in others:
            print(f'{a} for {b}: {n}  e.g. {examples[(a, b)]}')


main()
