"""Wraps a clean text into page lines and renders each page to a PNG with ImageMagick (see ../ocr-fixtures.sh).

usage: render.py SOURCE OUT_PREFIX [MAX_LINES]
Writes OUT_PREFIX.clean.txt (the rendered lines, exactly as drawn) and OUT_PREFIX-pN.png, one per page.
render_page() sets lines on an A4 page as a scan of it (misread-training.py).
"""
import subprocess
import sys

WRAP = 30          # characters per rendered line
LINES_PER_PAGE = 20
FONT = 'Noto-Serif-CJK-SC'
POINTSIZE = 30
LINE_HEIGHT = 52
PAGE = '1240x1240'
MARGIN_X, MARGIN_Y = 80, 90
BLUR = '0x0.6'  # a light blur, as a scanner gives


def wrap(paragraphs):
    lines = []
    for para in paragraphs:
        para = para.strip()
        while len(para) > WRAP:
            lines.append(para[:WRAP])
            para = para[WRAP:]
        if para:
            lines.append(para)
    return lines


def render(lines, png):
    cmd = ['convert', '-size', PAGE, 'xc:white', '-font', FONT, '-pointsize', str(POINTSIZE), '-fill', 'black']
    for i, line in enumerate(lines):
        # -annotate reads % as an escape: double it.
        cmd += ['-annotate', f'+{MARGIN_X}+{MARGIN_Y + i * LINE_HEIGHT}', line.replace('%', '%%')]
    cmd += ['-blur', BLUR, png]
    subprocess.run(cmd, check=True)


def render_page(lines, out, font, dpi, angle, noise, quality, seed, points=16):
    """Lines on an A4 page at `dpi`, 3号 (16 pt) type, GB/T 9704's margins and line pitch (22 lines in 225 mm),
    as an office scanner gives it: turned `angle` degrees, Gaussian noise, JPEG at `quality` (gbt9704.sh). Other
    `points` (小四: 12) keep the margins, with a pitch of 1.5 times the type's size."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    size = round(points / 72 * dpi)
    pitch = 225 / 25.4 * dpi / 22 if points == 16 else 1.5 * size
    left, top = round(28 / 25.4 * dpi), round(37 / 25.4 * dpi)
    cmd = ['convert', '-size', f'{width}x{height}', 'xc:white', '-font', font, '-pointsize', str(size),
           '-fill', 'black']
    for i, line in enumerate(lines):
        cmd += ['-annotate', f'+{left}+{round(top + size + i * pitch)}', line.replace('%', '%%')]
    cmd += ['-background', 'white', '-rotate', str(angle), '-gravity', 'center', '-extent', f'{width}x{height}',
            '-colorspace', 'Gray', '-seed', str(seed), '-attenuate', str(noise), '+noise', 'Gaussian',
            '-quality', str(quality), out]
    subprocess.run(cmd, check=True)


def read_pages(pages, scale):
    """OCRs rendered pages (render.py's PNGs) scaled to `scale` ('66%'): their lines without spaces, LINES_PER_PAGE a
    page (a page read short is padded with empty lines)."""
    read = []
    for png in pages:
        scaled = f'{png[:-4]}-{scale[:-1]}.png'
        subprocess.run(['convert', png, '-resize', scale, scaled], check=True)
        out = subprocess.run(['tesseract', scaled, '-', '-l', 'chi_sim', '--psm', '6'],
                             capture_output=True, text=True, check=True).stdout
        page = [line.replace(' ', '') for line in out.split('\n') if line.strip()]
        read += page + [''] * (LINES_PER_PAGE - len(page))
    return read


def main():
    source, prefix = sys.argv[1], sys.argv[2]
    max_lines = int(sys.argv[3]) if len(sys.argv) > 3 else 2 * LINES_PER_PAGE
    with open(source, encoding='utf-8') as f:
        lines = wrap(f.read().split('\n'))[:max_lines]
    with open(prefix + '.clean.txt', 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    for p in range(0, len(lines), LINES_PER_PAGE):
        render(lines[p:p + LINES_PER_PAGE], f'{prefix}-p{p // LINES_PER_PAGE + 1}.png')


if __name__ == '__main__':
    main()
