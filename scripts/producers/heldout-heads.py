#!/usr/bin/env python3
"""A held-out check of the head reader on scans (issue 12): one GB/T 9704 page of a State Council notice's head, a
short letter, its signature and date, and a 版记, for gbt9704.py to set. From corpus/gov/NNN.txt (title lines, then
the 发文字号, then the 主送机关; the signature and 成文日期 before （此件公开发布）) this writes OUT.txt (the page's
text, one paragraph a line: the letter cut to its first sentences so that the page holds the 版记) and OUT.spec.json
(a spec of gbt9704.py's form). The 抄送 list, 印发日期 and 签发人 are not stated in the texts: they are invented
here, varied by the notice's number so that no two pages print the same 版记. Usage:
heldout-heads.py NNN TEXT OUT_BASE"""
import datetime
import json
import re
import sys

num, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
lines = [l.strip() for l in open(src, encoding="utf-8") if l.strip()]
DOC_NUMBER = re.compile(r"^\S{1,12}〔\d{4}〕\d{1,4}号$")
DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
at = next(i for i, l in enumerate(lines) if DOC_NUMBER.match(l))
title, number, recipients = lines[:at], lines[at], lines[at + 1]
d = next(i for i, l in enumerate(lines) if DATE.match(l) and i > at + 2)
signature, date = [lines[d - 1]], lines[d]
note = lines[d + 1] if d + 1 < len(lines) and lines[d + 1].startswith("（此件") else None
first = lines[at + 2]
# The letter: its first sentences up to about 40 characters, so that the page keeps room for the 版记.
cut = [m.end() for m in re.finditer("。", first) if m.end() <= 40]
letter = first[: cut[-1]] if cut else first[:30] + "。"
n = int(num)
pool = ["党中央各部门", "中央军委办公厅", "全国人大常委会办公厅", "全国政协办公厅", "国家监委", "最高人民法院",
        "最高人民检察院", "各民主党派中央", "中央办公厅", "中央组织部", "中央宣传部", "中央编办", "全国总工会",
        "共青团中央", "全国妇联"]
k = 4 + n % 4
copy = [pool[(n * 7 + 3 * j) % len(pool)] for j in range(k)]
copy = list(dict.fromkeys(copy))
y, m, dd = map(int, DATE.match(date).groups())
printed = datetime.date(y, m, dd) + datetime.timedelta(days=1 + n % 6)
spec = {
    "issuers": signature,
    "docNumber": number,
    "title": title,
    "headEnd": recipients,
    "recipients": recipients,
    "signature": signature,
    "date": date,
    "note": note,
    "attachments": [],
    "copyTo": "，".join(copy) + "。",
    "printedBy": "国务院办公厅",
    "printDate": f"{printed.year}年{printed.month}月{printed.day}日",
    "printLine": None,
}
if n % 2 == 1 and number.startswith("国发"):
    spec["signer"] = "李克强"
open(out + ".txt", "w", encoding="utf-8").write(
    "\n".join(title + [number, recipients, letter] + signature + [date] + ([note] if note else [])) + "\n")
json.dump(spec, open(out + ".spec.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
