#!/usr/bin/env python3
"""Writes a notice's text (one paragraph a line; blank lines ignored) as a flat ODF text document (.fodt) that
LibreOffice converts to PDF: A4, the given font size, paragraphs indented two characters, a footer "— N —",
and one column or two columns with the given gutter (in font sizes).
Usage: fodt.py TEXT OUT.fodt SIZE_PT COLUMNS GUTTER_EM [--OPTION=VALUE…]
Options (scripts/layout/pdf-sweep.mjs varies them; the defaults are the page above):
  --font=NAME          font family (Noto Serif CJK SC)
  --indent=EM          first-line indent in font sizes (2)
  --align=start|justify (start)
  --line-height=PCT    line height in per cent of the font's (150)
  --margins=T,B,L,R    page margins in cm (2.5,1.5,2.6,2.6)
  --paper=A4|Letter|A5|B5 (A4); --landscape
  --footer=dash|plain|page|none   "— N —", "N", "第 N 页 共 M 页", or no footer (dash)
  --header=TEXT        a running header line"""
import sys
from xml.sax.saxutils import escape

src, out, size, columns, gutter = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
opts = dict(a[2:].split("=", 1) if "=" in a else (a[2:], "1") for a in sys.argv[6:])
font = escape(opts.get("font", "Noto Serif CJK SC"))
indent = float(opts.get("indent", "2"))
align = ' fo:text-align="justify"' if opts.get("align") == "justify" else ""
line_height = opts.get("line-height", "150")
top, bottom, left, right = (float(x) for x in opts.get("margins", "2.5,1.5,2.6,2.6").split(","))
width, height = {"A4": (21, 29.7), "Letter": (21.59, 27.94), "A5": (14.8, 21), "B5": (17.6, 25)}[opts.get("paper", "A4")]
if "landscape" in opts:
    width, height = height, width
number = '<text:page-number text:select-page="current"/>'
footer = {
    "dash": f"— {number} —",
    "plain": number,
    "page": f"第 {number} 页 共 <text:page-count/> 页",
    "none": "",
}[opts.get("footer", "dash")]
paras = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
cols = ""
if columns > 1:
    cols = f'<style:columns fo:column-count="{columns}" fo:column-gap="{gutter * size:.2f}pt"/>'
body = "\n".join(f'<text:p text:style-name="P">{escape(p)}</text:p>' for p in paras)
footer_style = '<style:footer-style><style:header-footer-properties fo:min-height="1cm" fo:margin-top="0.5cm"/></style:footer-style>'
header_style = '<style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>'
footer_xml = f'<style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer>' if footer else ""
header_xml = (
    f'<style:header><text:p text:style-name="Footer">{escape(opts["header"])}</text:p></style:header>'
    if "header" in opts
    else ""
)
doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="{indent * size:.1f}pt" fo:line-height="{line_height}%"{align} style:text-autospace="ideograph-alpha"/>
  <style:text-properties style:font-name="{font}" style:font-name-asian="{font}"
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
  <style:page-layout-properties fo:page-width="{width:g}cm" fo:page-height="{height:g}cm" fo:margin-top="{top:g}cm"
   fo:margin-bottom="{bottom:g}cm" fo:margin-left="{left:g}cm" fo:margin-right="{right:g}cm">{cols}</style:page-layout-properties>
  {header_style if header_xml else ""}{footer_style if footer_xml else ""}
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  {header_xml}{footer_xml}
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""
open(out, "w", encoding="utf-8").write(doc)
