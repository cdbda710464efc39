#!/usr/bin/env python3
"""A notice's text (one paragraph a line; blank lines ignored) set as a 公文 is printed (GB/T 9704-2012), as HTML
for WeasyPrint (@page CSS): A4, a text area of 156 x 225 mm holding 28 lines of 22 characters in 3号 (16 pt) serif
(仿宋 and 小标宋 are not free fonts: Noto Serif CJK stands in), paragraphs indented two characters;
  版头      the issuer's mark "<issuer>文件" in large red type centred; a joint head stacks the issuers with 文件
            beside them; the 发文字号 centred two lines below (or left, with 签发人 right), above a red rule (a border,
            drawn as a filled rectangle, not text);
  主体      the title centred in 2号 (22 pt) bold over its printed lines, the 主送机关 flush left, the body, the
            signature right-aligned over the 成文日期 four characters from the right edge, (此件公开发布) indented;
            attachments (附件N over their title) each from a new page;
  版记      at the foot of the last page: rules with 抄送：… and "<印发机关>  <date>印发" (4号, 14 pt);
  页码      "— N —" in 4号 at the foot, right on odd pages and left on even ones.
The notice's own head (title, 主送机关, signature and date, the print line) is taken out of the text by the SPEC
below and printed in its place. Writes OUT.html and OUT.head.json (the fields as printed, what a reader should
find). Usage: gbt9704.py NAME TEXT OUT_BASE   (NAME a key of SPECS, or a .json file holding a spec of that form, as
scripts/producers/heldout-heads.py writes them)"""
import json
import re
import sys
from html import escape

# What is printed in each notice's head and 版记. Title lines, issuers, 主送机关, date and signature are those of the
# notice's own text; the 发文字号 of the seed and the 抄送 lines are not stated in the texts and are written here for
# the fixture in the usual form (marked `invented`).
SPECS = {
    "seed": {
        "issuers": ["中共郑州市委办公厅", "郑州市人民政府办公厅"],
        "docNumber": "郑办〔2020〕9号",  # invented: the seed's text has none
        "title": ["中共郑州市委办公厅　郑州市人民政府办公厅", "关于印发郑州市2020年大气、水、土壤", "污染防治攻坚战实施方案的通知"],
        # the text's head ends with the 主送机关 (over two paragraphs); the letter ends with the signature and date
        "headEnd": "各人民团体:",
        "recipients": "各开发区党工委、管委会，各县（市）区党委、人民政府，市委各部委，市直机关各单位，市管各企业和高等院校，各人民团体：",
        "signature": ["中共郑州市委办公厅", "郑州市人民政府办公厅"],
        "date": "2020年4月16日",
        "note": None,
        # the plans after the letter: each one an attachment
        "attachments": ["郑州市2020年大气污染防治攻坚战实施方案", "郑州市2020年水污染防治攻坚战实施方案",
                        "郑州市2020年土壤污染防治攻坚战实施方案"],
        "copyTo": "市委各部委，市人大常委会办公厅，市政府办公厅，市政协办公厅，市纪委监委机关，市法院，市检察院。",  # invented
        "printedBy": "中共郑州市委办公厅",
        "printDate": "2020年4月16日",
        "printLine": "中共郑州市委办公厅 2020年4月16日印发",
    },
    "gov-006": {
        "issuers": ["国务院办公厅"],
        "docNumber": "国办发〔2019〕3号",
        "title": ["国务院办公厅关于开展", "城镇小区配套幼儿园治理工作的通知"],
        "headEnd": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "recipients": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "signature": ["国务院办公厅"],
        "date": "2019年1月9日",
        "note": "（此件公开发布）",
        "attachments": [],
        "copyTo": "党中央各部门，全国人大常委会办公厅，全国政协办公厅，国家监委，最高人民法院，最高人民检察院，各民主党派中央。",  # invented
        "printedBy": "国务院办公厅",
        "printDate": "2019年1月10日",  # invented
        "printLine": None,
    },
    "gov-015": {
        "issuers": ["国务院"],
        "docNumber": "国发〔2018〕42号",
        "signer": "李克强",  # invented: 签发人 right of a left 发文字号 (the upward-document head)
        "title": ["国务院关于加快推进农业机械化和", "农机装备产业转型升级的指导意见"],
        "headEnd": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "recipients": "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "signature": ["国务院"],
        "date": "2018年12月21日",
        "note": "（此件公开发布）",
        "attachments": [],
        "copyTo": "党中央各部门，中央军委办公厅，全国人大常委会办公厅，全国政协办公厅，国家监委，最高人民法院，最高人民检察院，各民主党派中央。",  # invented
        "printedBy": "国务院办公厅",
        "printDate": "2018年12月29日",  # invented
        "printLine": None,
    },
}

compact = lambda s: re.sub(r"[\s\u3000]+", "", s).replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")")

name, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
spec = json.load(open(name, encoding="utf-8")) if name.endswith(".json") else SPECS[name]
paras = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
end = next(i for i, p in enumerate(paras) if compact(p).endswith(compact(spec["headEnd"])))
body = paras[end + 1:]
# the letter ends at its signature: the issuer lines followed by the date
sig = [compact(s) for s in spec["signature"]]
at = next(i for i in range(len(body)) if [compact(p) for p in body[i:i + len(sig)]] == sig
          and compact(body[i + len(sig)]) == compact(spec["date"]))
letter, rest = body[:at], body[at + len(sig) + 1:]
if spec["note"] and rest and compact(rest[0]) == compact(spec["note"]):
    rest = rest[1:]
if spec["printLine"]:
    rest = [p for p in rest if compact(p) != compact(spec["printLine"])]
assert bool(rest) == bool(spec["attachments"]), f"{name}: text after the signature: {rest[:2]}"

css = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-right { content: "— " counter(page) " —"; font: 14pt 'Noto Serif CJK SC'; margin-right: 7mm; }
}
@page :left { @bottom-right { content: none; }
  @bottom-left { content: "— " counter(page) " —"; font: 14pt 'Noto Serif CJK SC'; margin-left: 7mm; } }
body { font-family: 'Noto Serif CJK SC'; font-size: 16pt; letter-spacing: 4.1pt; line-height: 8.036mm; margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.mark { color: #d00; font-weight: 900; text-align: center; text-indent: 0; letter-spacing: 0; margin-top: 10mm;
  margin-bottom: 16mm; }
.mark .one { font-size: 46pt; line-height: 1.2; }
.mark table { margin: 0 auto; border-collapse: collapse; }
.mark td { padding: 0; font-size: 30pt; line-height: 1.25; }
.mark td.wen { font-size: 52pt; vertical-align: middle; padding-left: 4mm; }
.number { text-indent: 0; text-align: center; padding-bottom: 4mm; border-bottom: 1mm solid #d00;
  margin-bottom: 16mm; }
.number.split { text-align: left; padding-left: 1em; }
.number .signer { float: right; margin-right: 1em; }
.title { text-indent: 0; text-align: center; font-size: 22pt; font-weight: bold; letter-spacing: 0; line-height: 1.5; }
.recipients { text-indent: 0; margin-top: 8.036mm; }
.sign { text-align: right; text-indent: 0; padding-right: 4em; }
.signature { margin-top: 16mm; }
.label { text-indent: 0; font-family: 'Noto Sans CJK SC'; break-before: page; }
.atitle { text-indent: 0; text-align: center; font-size: 22pt; font-weight: bold; letter-spacing: 0;
  line-height: 1.5; margin: 8mm 0; }
.room { height: 40mm; break-inside: avoid; }
.record { position: absolute; left: 0; right: 0; bottom: 0; font-size: 14pt; letter-spacing: 0;
  border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; }
.record p { text-indent: 0; padding: 1mm 1em; }
.record .copy { border-bottom: 0.25mm solid #000; padding-left: 1em; text-indent: -3em; padding-left: 4em; }
.record .print span { float: right; }
"""
h = []
issuers = spec["issuers"]
if len(issuers) == 1:
    h.append(f'<div class="mark"><div class="one">{escape(issuers[0])}文件</div></div>')
else:
    rows = "".join(
        f'<tr><td>{escape(x)}</td>' + (f'<td class="wen" rowspan="{len(issuers)}">文件</td>' if i == 0 else "") + "</tr>"
        for i, x in enumerate(issuers))
    h.append(f'<div class="mark"><table>{rows}</table></div>')
if spec.get("signer"):
    h.append(f'<p class="number split">{escape(spec["docNumber"])}<span class="signer">签发人：{escape(spec["signer"])}</span></p>')
else:
    h.append(f'<p class="number">{escape(spec["docNumber"])}</p>')
h += [f'<p class="title">{escape(t)}</p>' for t in spec["title"]]
h.append(f'<p class="recipients">{escape(spec["recipients"])}</p>')
h += [f"<p>{escape(p)}</p>" for p in letter]
h += [f'<p class="sign{" signature" if i == 0 else ""}">{escape(s)}</p>' for i, s in enumerate(spec["signature"])]
h.append(f'<p class="sign">{escape(spec["date"])}</p>')
if spec["note"]:
    h.append(f"<p>{escape(spec['note'])}</p>")
titles = {compact(t): n for n, t in enumerate(spec["attachments"], 1)}
for p in rest:
    n = titles.get(compact(p))
    if n is not None:
        label = "附件" if len(titles) == 1 else f"附件{n}"
        h.append(f'<p class="label">{label}</p><p class="atitle">{escape(p)}</p>')
    else:
        h.append(f"<p>{escape(p)}</p>")
h.append('<div class="room"></div><div class="record">'
         f'<p class="copy">抄送：{escape(spec["copyTo"])}</p>'
         f'<p class="print">{escape(spec["printedBy"])}<span>{escape(spec["printDate"])}印发</span></p></div>')
open(out + ".html", "w", encoding="utf-8").write(
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>' + css + "</style></head><body>"
    + "\n".join(h) + "</body></html>")
head = {
    "issuers": issuers,
    "docNumber": spec["docNumber"],
    "title": "".join(spec["title"]),
    "recipients": spec["recipients"],
    "date": spec["date"],
    "copyTo": spec["copyTo"],
    "printedBy": spec["printedBy"],
    "printDate": spec["printDate"],
}
if spec.get("signer"):
    head["signer"] = spec["signer"]
json.dump(head, open(out + ".head.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
