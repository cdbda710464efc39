"""Joins 1-bit page images (binary PBM, as `pdftoppm -mono` writes them) into a PDF of bare images, one page
each, Flate-compressed (see ../pdf-fixtures.sh). No text layer: the pages are what a scanner without OCR gives.

usage: image-pdf.py DPI OUT.pdf PAGE.pbm...
"""
import sys
import zlib


def read_pbm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 3:  # magic, width, height; comments start with #
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b'P4':
        sys.exit(f'{path}: not a binary PBM')
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def main():
    dpi, out, pages = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
    objects = []  # bodies of objects 1..n; 1 = catalog, 2 = pages

    def add(body):
        objects.append(body)
        return len(objects)

    add(b'')
    add(b'')
    kids = []
    for path in pages:
        w, h, bits = read_pbm(path)
        img = zlib.compress(bits, 9)
        image = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
                    b'/BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length %d >>\nstream\n'
                    % (w, h, len(img)) + img + b'\nendstream')
        pw, ph = w * 72 / dpi, h * 72 / dpi
        draw = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (pw, ph)
        content = add(b'<< /Length %d >>\nstream\n' % len(draw) + draw + b'\nendstream')
        kids.append(add(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R '
                        b'/Resources << /XObject << /Im0 %d 0 R >> >> >>' % (pw, ph, content, image)))
    objects[0] = b'<< /Type /Catalog /Pages 2 0 R >>'
    objects[1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    pdf = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(pdf)
    pdf += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    pdf += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    with open(out, 'wb') as f:
        f.write(pdf)


main()
