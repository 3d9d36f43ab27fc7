#!/usr/bin/env python3
"""Writes gitleaks' documented false positives (the `fps` of cmd/generate/config/rules/*.go in a
gitleaks checkout, at a tag) as JSON by rule id, for tst_secretscanner. Only entries written as
plain string literals are taken; entries that hold a token of a shape push protections flag are
left out, so nothing token-shaped is committed."""
import json, re, subprocess, sys

repo, tag = sys.argv[1], sys.argv[2]
files = subprocess.run(['git', '-C', repo, 'ls-tree', '--name-only', tag, 'cmd/generate/config/rules/'],
                       capture_output=True, text=True, check=True).stdout.split()
LIT = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`')

def block(src, start):
    """Text between the brace at `start` and its match, strings and comments skipped."""
    depth, i = 0, start
    while i < len(src):
        c = src[i]
        if src.startswith('//', i):
            i = src.index('\n', i)
            continue
        if c in '"`':
            m = LIT.match(src, i)
            i = m.end() if m else i + 1
            continue
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                return src[start + 1:i]
        i += 1
    return ''

def elements(body):
    out, depth, cur, i = [], 0, '', 0
    while i < len(body):
        c = body[i]
        if body.startswith('//', i):
            i = body.index('\n', i) if '\n' in body[i:] else len(body)
            continue
        if c in '"`':
            m = LIT.match(body, i)
            if m:
                cur += m.group(0); i = m.end(); continue
        if c in '([{': depth += 1
        if c in ')]}': depth -= 1
        if c == ',' and depth == 0:
            out.append(cur.strip()); cur = ''
        else:
            cur += c
        i += 1
    if cur.strip(): out.append(cur.strip())
    return out

def value(expr):
    """The string a literal-only expression spells, or None."""
    parts = [p.strip() for p in re.split(r'\s*\+\s*(?=["`])', expr)]
    text = ''
    for p in parts:
        if not LIT.fullmatch(p):
            return None
        text += p[1:-1] if p[0] == '`' else json.loads(p)
    return text

# Shapes that must never be committed (the repository's pre-stop check, and the prefixes of the
# families Tassel's own rules cover, whose gitleaks rules are not adopted anyway).
TOKEN = re.compile(r'ghp_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|xox[bp]-[0-9]{6,}-|sk_live_[A-Za-z0-9]{16,}'
                   r'|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_|github_pat_|glpat-|xox[a-z]-|sk-ant-'
                   r'|T3BlbkFJ|AIza|SG\.|sk_(?:live|test)|pypi-AgEI|dapi[0-9a-f]|hf_|api_org_|eyJ')
result = {}
for f in files:
    src = subprocess.run(['git', '-C', repo, 'show', f'{tag}:{f}'], capture_output=True, text=True).stdout
    for func in re.split(r'\nfunc ', src)[1:]:
        ids = re.findall(r'RuleID:\s*"([^"]+)"', func)
        m = re.search(r'fps\s*:?=\s*\[\]string\s*\{', func)
        if len(ids) != 1 or not m:
            continue
        fps = [v for v in (value(e) for e in elements(block(func, m.end() - 1))) if v and not TOKEN.search(v)]
        if fps:
            result.setdefault(ids[0], []).extend(fps)
json.dump(result, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
print()
