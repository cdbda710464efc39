"""Training sheets for the misread pairs (scripts/ocr/misread-pairs.mjs): text that is neither the seed nor any file
`npm run eval` scores OCR against, set in the fonts a 公文 is printed in or stands in for, rendered as scanned pages
at 200 and 300 dpi, and read by tesseract (chi_sim). The pairs learned from them are then measured on held-out
readings only.

usage: python3 scripts/ocr/misread-training.py [--words N] [--gov-pages P] [--jobs J] [--narrow]

The sheets:
- words: jieba's most frequent words of 2-4 ideographs (node_modules/nodejieba's dictionary, highest frequency
  first, N of them, default 1600), set as running prose-like lines (a 、 or ， between some words, a 。 ending each
  sentence); grammar: the same with the words of the notice grammars (runs of 2-6 ideographs in grammars/*.yaml and
  grammars/units/*.json; comments and grammars/repair/, which is made from OCR readings, left out); coverage: for
  each ideograph of GB 2312's first level (3,755 in common use) the words sheet lacks, jieba's most frequent word
  holding it; rare: the same for GB 2312's second level (3,008 ideographs, place names among them: 颍, 汜). Each
  page in three of the five fonts (grammar and the coverage sheets: two), by turns, at 200 or 300 dpi by turns.
- clean-*: the words and both coverage sheets once more as a page printed to an image rather than scanned (no turn,
  no noise, lossless), in Noto Sans or Noto Serif CJK (the CJK fonts Debian's LibreOffice and Chromium set a
  notice in) by turns, at 200 dpi, read as one block of text (`--psm 6`): what `--ocr` meets in a born-digital
  PDF saved as page images.
- small-*: the words and both coverage sheets once more in 小四 (12 pt) type, the size of plans and attachments typed
  in a word processor, 38 characters a line, 35 lines a page: clean in Noto Sans and in Noto Serif CJK, and
  scanned (turned, noisy) in one of the five fonts by turns; all at 200 dpi.
- gov-NNN: the State Council notices of corpus/gov/ that no evaluation reads (006, 012 and 015 are scanned and
  scored in `npm run eval`, so they are left out), the first P pages of each (default 6), each page in one font
  and resolution, by turns.

A page is 28 characters a line, 22 lines (GB/T 9704's grid), 3号 (16 pt) at the page's dpi, turned by a fraction of a
degree, with Gaussian noise and JPEG artefacts as scripts/producers/gbt9704.sh makes its scans. Readings are
cached under .cache/misread-training/ (gitignored) by a hash of what made them, so a second run OCRs nothing;
.cache/misread-training/manifest.tsv lists the current pages (sheet, font, dpi, truth file, reading file).
OCR runs J pages at a time (default 2), one thread each. --narrow leaves out the rare, clean-* and small-* sheets
(the pages of the first version of this script).
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render import render_page  # noqa: E402

CACHE = os.path.join(ROOT, '.cache', 'misread-training')
DICT = os.path.join(ROOT, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8')
# The files `npm run eval` scores OCR against (src/eval/ocr-words.ts, src/eval/layout.ts, src/eval/producers.ts):
# never training material.
EVALUATED = {'corpus/zhengzhou-2020-notice.txt', 'corpus/gov/006.txt', 'corpus/gov/012.txt', 'corpus/gov/015.txt',
             'scripts/ocr/excerpt-plan.txt'}
# Fonts (ImageMagick names): Noto Serif CJK (宋体's stand-in), Noto Sans CJK and WenQuanYi Zen Hei (黑体),
# AR PL UMing (宋体/仿宋), AR PL UKai (楷体).
FONTS = ['Noto-Serif-CJK-SC', 'Noto-Sans-CJK-SC', 'AR-PL-UMing-CN', 'AR-PL-UKai-CN', 'WenQuanYi-Zen-Hei']
DPIS = [200, 300]
WIDTH, LINES = 28, 22
HAN = re.compile(r'[\u4e00-\u9fff]+')


def dictionary_entries():
    """jieba's words of 2-4 ideographs with their frequencies."""
    with open(DICT, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 4 and HAN.fullmatch(parts[0]):
                yield parts[0], int(parts[1])


def dictionary_words(n):
    """The `n` most frequent."""
    return [w for w, _ in sorted(dictionary_entries(), key=lambda e: (-e[1], e[0]))[:n]]


def coverage_words(covered, rows=(0xB0, 0xD8)):
    """For each ideograph of GB 2312's first level (the 3,755 in common use; `rows` 0xD8-0xF8: the second level)
    that `covered` lacks, jieba's most frequent word of 2-4 ideographs holding it: so that a confusion of a rarer
    character can be seen at all."""
    best = {}
    for word, freq in dictionary_entries():
        for ch in word:
            if ch not in best or freq > best[ch][0]:
                best[ch] = (freq, word)
    out = []
    for hi in range(*rows):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode('gb2312')
            except UnicodeDecodeError:
                continue
            if ch not in covered and ch in best and best[ch][1] not in out:
                out.append(best[ch][1])
    return out


def grammar_words():
    """Runs of 2-6 ideographs in the grammars' values (comments and grammars/repair/ left out)."""
    out = []
    for base, _, files in os.walk(os.path.join(ROOT, 'grammars')):
        if os.path.relpath(base, ROOT).startswith(os.path.join('grammars', 'repair')):
            continue
        for name in sorted(files):
            path = os.path.join(base, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            if name.endswith('.yaml'):
                text = '\n'.join(re.sub(r'(^|\s)#.*$', '', line) for line in text.split('\n'))
            elif not name.endswith('.json'):
                continue
            out += [w for w in HAN.findall(text) if 2 <= len(w) <= 6]
    seen = set()
    return [w for w in out if not (w in seen or seen.add(w))]


def prose(words):
    """The words as running lines: a 、 or ， after some, a 。 ending each sentence (a fixed pattern)."""
    out = []
    for i, w in enumerate(words):
        out.append(w)
        k = i % 11
        out.append('。' if k == 10 else '，' if k in (3, 7) else '、' if k == 5 else '')
    return ''.join(out)


def gov_text(path):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        return ''.join(line.strip() for line in f)


# A page of 小四 (12 pt) type: characters a line, lines a page.
SMALL_WIDTH, SMALL_LINES = 38, 35


def pages(text, width=WIDTH, lines_a_page=LINES):
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return [lines[i:i + lines_a_page] for i in range(0, len(lines), lines_a_page)]


def tesseract_version():
    out = subprocess.run(['tesseract', '--version'], capture_output=True, text=True)
    return (out.stdout or out.stderr).split('\n')[0]


# A page printed to an image: the fonts, the resolution.
CLEAN_FONTS = ['Noto-Sans-CJK-SC', 'Noto-Serif-CJK-SC']
CLEAN_DPI = 200


def job_list(n_words, gov_pages, narrow=False):
    """(sheet, page, lines, font, dpi, clean, points) of each page to OCR."""
    jobs = []
    words = dictionary_words(n_words)
    covered = set(''.join(words))
    coverage = coverage_words(covered)
    sheets = [('words', words, 3), ('grammar', grammar_words(), 2), ('coverage', coverage, 2)]
    if not narrow:
        sheets.append(('rare', coverage_words(covered | set(''.join(coverage)), (0xD8, 0xF8)), 2))
    for sheet, words, fonts in sheets:
        for p, lines in enumerate(pages(prose(words))):
            # Each page in `fonts` of the five, by turns, at 200 or 300 dpi by turns.
            for f in range(p, p + fonts):
                jobs.append((sheet, p, lines, FONTS[f % len(FONTS)], DPIS[(p + f) % 2], False, 16))
            if not narrow and sheet != 'grammar':
                jobs.append((f'clean-{sheet}', p, lines, CLEAN_FONTS[p % len(CLEAN_FONTS)], CLEAN_DPI, True, 16))
        if narrow or sheet == 'grammar':
            continue
        for p, lines in enumerate(pages(prose(words), SMALL_WIDTH, SMALL_LINES)):
            for font in CLEAN_FONTS:
                jobs.append((f'small-{sheet}', p, lines, font, CLEAN_DPI, True, 12))
            jobs.append((f'small-{sheet}', p, lines, FONTS[p % len(FONTS)], CLEAN_DPI, False, 12))
    k = 0
    for name in sorted(os.listdir(os.path.join(ROOT, 'corpus', 'gov'))):
        path = f'corpus/gov/{name}'
        if not name.endswith('.txt') or path in EVALUATED:
            continue
        for p, lines in enumerate(pages(gov_text(path))[:gov_pages]):
            variant = k % (len(FONTS) * len(DPIS))
            jobs.append((f'gov-{name[:-4]}', p, lines, FONTS[variant % len(FONTS)], DPIS[variant // len(FONTS)],
                         False, 16))
            k += 1
    return jobs


def run(job, version):
    sheet, p, lines, font, dpi, clean, points = job
    truth = '\n'.join(lines) + '\n'
    made = [truth, font, dpi, version] + (['clean', 'psm 6'] if clean else []) + ([points] if points != 16 else [])
    key = hashlib.sha1(json.dumps(made).encode()).hexdigest()[:16]
    stem = os.path.join(CACHE, f'{sheet}-p{p + 1}-{font}-{dpi}-{key}')
    if not os.path.exists(stem + '.txt'):
        # A fraction of a degree either way, noise and JPEG quality from the page's hash (as gbt9704.sh).
        # A clean page: no turn, no noise, lossless.
        h = int(key, 16)
        angle = 0 if clean else ((h % 31) - 15) / 10
        noise = 0 if clean else 0.3 + (h >> 5) % 3 / 10
        quality = 50 + (h >> 9) % 11
        image = stem + ('.png' if clean else '.jpg')
        render_page(lines, image, font=font, dpi=dpi, angle=angle, noise=noise, quality=quality, seed=h % 10000,
                    points=points)
        env = dict(os.environ, OMP_THREAD_LIMIT='1', MAGICK_THREAD_LIMIT='1')
        psm = ['--psm', '6'] if clean else []
        subprocess.run(['tesseract', image, stem + '.part', '-l', 'chi_sim', '--dpi', str(dpi)] + psm, check=True,
                       capture_output=True, env=env)
        os.replace(stem + '.part.txt', stem + '.txt')
        os.remove(image)
    with open(stem + '.truth.txt', 'w', encoding='utf-8') as f:
        f.write(truth)
    rendering = font + (' clean' if clean else '') + (f' {points}pt' if points != 16 else '')
    return (sheet, rendering, dpi, os.path.relpath(stem + '.truth.txt', ROOT), os.path.relpath(stem + '.txt', ROOT))


def missing_fonts():
    """The fonts of FONTS ImageMagick does not know."""
    known = subprocess.run(['convert', '-list', 'font'], capture_output=True, text=True).stdout
    names = set(re.findall(r'Font: (\S+)', known))
    return [f for f in FONTS if f not in names]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--words', type=int, default=1600)
    parser.add_argument('--gov-pages', type=int, default=6)
    parser.add_argument('--jobs', type=int, default=2)
    parser.add_argument('--narrow', action='store_true')
    args = parser.parse_args()
    missing = missing_fonts()
    if missing:
        sys.exit(f'misread-training: ImageMagick knows no font {", ".join(missing)}: install them '
                 '(scripts/system-deps.sh fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei), or unpack those '
                 'packages in a folder and point FONTCONFIG_FILE at a fonts.conf that includes /etc/fonts/fonts.conf '
                 'and that folder, so that no other fixture\'s fallback fonts change')
    os.makedirs(CACHE, exist_ok=True)
    version = tesseract_version()
    jobs = job_list(args.words, args.gov_pages, args.narrow)
    start = time.time()
    with ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda j: run(j, version), jobs))
    with open(os.path.join(CACHE, 'manifest.tsv'), 'w', encoding='utf-8') as f:
        for row in rows:
            f.write('\t'.join(map(str, row)) + '\n')
    chars = sum(len(''.join(j[2])) for j in jobs)
    print(f'misread-training: {len(jobs)} pages, {chars} characters, {time.time() - start:.0f} s '
          f'({version}); {os.path.relpath(CACHE, ROOT)}/manifest.tsv', file=sys.stderr)


if __name__ == '__main__':
    main()
