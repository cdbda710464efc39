#!/usr/bin/env python3
"""Writes a notice's text (one paragraph a line; blank lines ignored) as a flat ODF text document (.fodt) that
LibreOffice converts to PDF: A4, the given font size, paragraphs indented two characters, a footer "— N —",
and one column or two columns with the given gutter (in font sizes).
Usage: fodt.py TEXT OUT.fodt SIZE_PT COLUMNS GUTTER_EM"""
import sys
from xml.sax.saxutils import escape

src, out, size, columns, gutter = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
paras = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
cols = ""
if columns > 1:
    cols = f'<style:columns fo:column-count="{columns}" fo:column-gap="{gutter * size:.2f}pt"/>'
body = "\n".join(f'<text:p text:style-name="P">{escape(p)}</text:p>' for p in paras)
doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="{2 * size:.1f}pt" fo:line-height="150%" style:text-autospace="ideograph-alpha"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC"
   fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="zh" fo:country="CN"
   style:language-asian="zh" style:country-asian="CN"/>
 </style:style>
 <style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:text-indent="0pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm">{cols}</style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="1cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current"/> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""
open(out, "w", encoding="utf-8").write(doc)
