"""Writes the graduation test notebooks and executes them, so their outputs are genuine.

Run inside the build environment from the checkout (names: only those notebooks):
    packaging/dev exec python3 tests/data/graduate/make_notebooks.py [NAME...]
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def notebook(name, cells):
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for index, cell in enumerate(nb.cells):
        cell.id = f"{name[:4]}{index:04d}"
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, HERE / f"{name}.ipynb")


notebook("sections", [
    new_markdown_cell("# Sales report\n\nRevenue of a few order lines."),
    new_markdown_cell("## Load"),
    new_code_cell("import statistics\n\nprices = [3.5, 4.25, 10.0, 7.75]\nquantities = [2, 1, 5, 3]\nlen(prices)"),
    new_markdown_cell("## Helpers"),
    new_code_cell('def revenue(price, quantity):\n    """Revenue of one order line."""\n    return round(price * quantity, 2)'),
    new_markdown_cell("## Compute"),
    new_code_cell('lines = [revenue(p, q) for p, q in zip(prices, quantities)]\ntotal = sum(lines)\n'
                  'print("total:", total)\nlines'),
    new_markdown_cell("## Summary"),
    new_code_cell('mean = statistics.mean(lines)\nsummary = {"total": total, "mean": round(mean, 2)}\nsummary'),
])

parameters = new_code_cell('threshold = 0.5\nlabel = "scores"\nrepeat = 3')
parameters.metadata["tags"] = ["parameters"]
notebook("parameters", [
    new_markdown_cell("# Scores above a threshold"),
    parameters,
    new_markdown_cell("## Filter"),
    new_code_cell('scores = [0.1, 0.7, 0.4, 0.9, 0.55]\nkept = [s for s in scores if s > threshold]\n'
                  'print(f"{label}: {len(kept)} of {len(scores)} above {threshold}")'),
    new_markdown_cell("## Repeat"),
    new_code_cell('text = " ".join([label] * repeat)\ntext'),
])

notebook("magics", [
    new_markdown_cell("# Magics"),
    new_code_cell("%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt"),
    new_markdown_cell("## Compute"),
    new_code_cell("%%time\nvalues = np.arange(10)\ntotal = int(values.sum())\nprint(total)"),
    new_code_cell("%time squares = values ** 2\nsquares.tolist()"),
    new_markdown_cell("## Shell"),
    new_code_cell("greeting = !echo hello\n!echo direct\ngreeting"),
    new_markdown_cell("## Plot"),
    new_code_cell("fig, ax = plt.subplots()\nax.plot(values, squares)\nplt.show()"),
])

# Cell magics that are not Python: a %%bash script, a %%writefile resource (removed at the end so
# every run prints "Writing"), a `!` line inside a block and a shell line continued with `\`.
notebook("cell_magics", [
    new_markdown_cell("# Cell magics"),
    new_markdown_cell("## Setup"),
    new_code_cell('%%bash\necho from bash\nGREETING=hi\necho "$GREETING there"'),
    new_code_cell("%%writefile settings.yaml\nrunners:\n  emr:\n    region: us-west-2\n"),
    new_markdown_cell("## Read"),
    new_code_cell("import os\n\nwith open('settings.yaml') as handle:\n    lines = handle.read().splitlines()\n"
                  "if len(lines) > 1:\n    !echo indented\nos.remove('settings.yaml')\nprint(len(lines))"),
    new_code_cell("!echo one \\\n  two"),
])

# Later sections use functions defined mid-notebook, one of them in a cell of its own in the middle
# of a section; a set-up cell (imports and display options) sits between the first section's cells,
# and a function left in that section uses its import.
notebook("deliveries", [
    new_markdown_cell("# Delivery times by region\n\nFour weeks of orders, simulated with a fixed seed."),
    new_code_cell('import math\nimport statistics\n\nimport numpy as np\n\nWEEKS = 4\nprint("weeks in the report:", WEEKS)'),
    new_code_cell('import pandas as pd\n\npd.set_option("display.precision", 1)\npd.set_option("display.width", 120)'),
    new_code_cell('def per_week(count):\n    return pd.Series([count / WEEKS], index=["per week"])'),
    new_markdown_cell("## Simulated orders"),
    new_code_cell('rng = np.random.default_rng(7)\norders = pd.DataFrame({\n'
                  '    "region": rng.choice(["north", "south", "east"], size=40),\n'
                  '    "minutes": rng.gamma(4.0, 11.0, size=40).round(1),\n})\norders.head()'),
    new_markdown_cell("## Typical delivery time per region"),
    new_code_cell('minutes_by_region = {region: group["minutes"].tolist() for region, group in orders.groupby("region")}\n'
                  "print(sorted(minutes_by_region))"),
    new_code_cell('def trimmed_mean(values, share=0.1):\n'
                  '    """Mean of the values without the lowest and highest `share` of them."""\n'
                  "    ordered = sorted(values)\n    cut = math.floor(len(ordered) * share)\n"
                  "    return statistics.mean(ordered[cut:len(ordered) - cut])"),
    new_code_cell("typical = {region: round(trimmed_mean(values), 1) for region, values in minutes_by_region.items()}\n"
                  "typical"),
    new_markdown_cell("## Orders delivered later than the promised hour"),
    new_code_cell("def is_late(minutes, promised=60):\n    return minutes > promised\n\n"
                  'late = orders[orders["minutes"].map(is_late)]\nprint(f"{len(late)} of {len(orders)} orders late")\n'
                  "per_week(len(late))"),
    new_markdown_cell("## Forecast for next week"),
    new_code_cell("def forecast_typical(values, growth=1.1):\n"
                  "    return round(trimmed_mean([v * growth for v in values]), 1)"),
    new_code_cell("forecast = {region: forecast_typical(values) for region, values in minutes_by_region.items()}\n"
                  "forecast"),
    new_code_cell("def late_share(region):\n"
                  '    subset = orders[orders["region"] == region]\n'
                  '    return round(float(subset["minutes"].map(is_late).mean()), 2)\n\n\n'
                  "print({region: late_share(region) for region in sorted(minutes_by_region)})"),
])

# A helper module beside the notebook (logparse.py, committed as is), imported both ways.
notebook("logdigest", [
    new_markdown_cell("# Log digest\n\nWhat the payment service logged on the first of May."),
    new_code_cell("import logparse\nfrom logparse import count_levels, parse"),
    new_markdown_cell("## Read the log"),
    new_code_cell('raw = """2024-05-01 09:00:01 INFO payment: started\n'
                  "2024-05-01 09:02:13 ERROR payment: card declined\n"
                  "2024-05-01 09:02:14 WARNING fraud: score 0.91\n"
                  "not a log line\n"
                  "2024-05-01 09:05:40 ERROR ledger: timeout after 30 s\n"
                  '2024-05-01 09:06:00 ERROR payment: card declined"""\n'
                  "records = [record for record in map(parse, raw.splitlines()) if record]\n"
                  'print(len(records), "records")'),
    new_markdown_cell("## Levels"),
    new_code_cell("levels = count_levels(records)\nlevels"),
    new_markdown_cell("## Errors by service"),
    new_code_cell('errors = [record for record in records if record["level"] == "ERROR"]\n'
                  "by_service = {}\nfor record in errors:\n"
                  '    by_service[record["service"]] = by_service.get(record["service"], 0) + 1\n'
                  'print(by_service)\nprint("known levels:", ", ".join(logparse.LEVELS))'),
])

# A monthly report reading relative CSV files below data/ (written here, committed), with a
# parameters cell: graduation carries the files into the package's data/ with a manifest.
(HERE / "data").mkdir(exist_ok=True)
(HERE / "data" / "sales.csv").write_text(
    "date,region,amount\n"
    + "".join(f"2024-{month:02d}-{day:02d},{region},{(month * 37 + day * 11 + ord(region[0]) * 5) % 90 + 10.5}\n"
              for month in (2, 3) for day in (3, 11, 19, 27) for region in ("north", "south", "east")),
    encoding="utf-8")
(HERE / "data" / "regions.csv").write_text(
    "region,manager\nnorth,Ada\nsouth,Grace\neast,Linus\n", encoding="utf-8")
report_parameters = new_code_cell('month = "2024-03"\ntop_n = 2')
report_parameters.metadata["tags"] = ["parameters"]
notebook("salesreport", [
    new_markdown_cell("# Monthly sales report"),
    report_parameters,
    new_markdown_cell("## Load"),
    new_code_cell('import pandas as pd\n\nsales = pd.read_csv("data/sales.csv", parse_dates=["date"])\n'
                  'regions = pd.read_csv("data/regions.csv")\nprint(len(sales), "order lines")'),
    new_markdown_cell("## Month"),
    new_code_cell('in_month = sales[sales["date"].dt.strftime("%Y-%m") == month].merge(regions, on="region")\n'
                  'by_manager = in_month.groupby("manager")["amount"].sum().sort_values(ascending=False)\n'
                  "print(by_manager.head(top_n).to_string())"),
    new_markdown_cell("## Summary"),
    new_code_cell('print(f"total for {month}: {in_month[\'amount\'].sum():.2f}")'),
])

# A required table and an optional one: the buyers' price overrides are applied when the file is
# there (an existence check of the same path), so graduation makes it an optional input.
(HERE / "data" / "stock.csv").write_text(
    "sku,category,units,unit_price\n"
    + "".join(f"SKU-{n:03d},{('garden', 'kitchen', 'tools')[n % 3]},{(n * 7) % 40 + 3},{(n * 13) % 50 + 4.75}\n"
              for n in range(1, 19)),
    encoding="utf-8")
(HERE / "data" / "overrides.csv").write_text("sku,unit_price\nSKU-004,12.5\nSKU-011,30.0\n", encoding="utf-8")
notebook("stockvalue", [
    new_markdown_cell("# Stock value by category\n\n"
                      "Units on hand times unit price, with the buyers' price overrides when they sent some."),
    new_code_cell("import os\n\nimport matplotlib.pyplot as plt\nimport pandas as pd"),
    new_markdown_cell("## Load"),
    new_code_cell('stock = pd.read_csv("data/stock.csv")\nprint(len(stock), "products")'),
    new_markdown_cell("## Price overrides"),
    new_code_cell('if os.path.exists("data/overrides.csv"):\n'
                  '    overrides = pd.read_csv("data/overrides.csv")\n'
                  '    stock = stock.merge(overrides, on="sku", how="left", suffixes=("", "_override"))\n'
                  '    stock["unit_price"] = stock["unit_price_override"].fillna(stock["unit_price"])\n'
                  '    stock = stock.drop(columns="unit_price_override")\n'
                  '    print(f"{len(overrides)} prices overridden")\n'
                  "else:\n"
                  '    print("no price overrides")'),
    new_markdown_cell("## Value by category"),
    new_code_cell('stock["value"] = (stock["units"] * stock["unit_price"]).round(2)\n'
                  'by_category = stock.groupby("category")["value"].sum().sort_values(ascending=False)\n'
                  "print(by_category.to_string())"),
    new_markdown_cell("## Plot"),
    new_code_cell("fig, ax = plt.subplots(figsize=(5, 3))\n"
                  "by_category.plot.barh(ax=ax)\n"
                  'ax.set_xlabel("stock value")\n'
                  "plt.show()\n"
                  'print(f"total stock value: {by_category.sum():.2f}")'),
])

# Result files and a figure written by relative paths, one read back: in the package they go
# below output/. What the kernel wrote here is removed again.
notebook("quarterly", [
    new_markdown_cell("# Quarterly results"),
    new_code_cell("import matplotlib\n\nmatplotlib.use(\"Agg\")\nimport matplotlib.pyplot as plt\n"
                  "import numpy as np\nimport pandas as pd"),
    new_markdown_cell("## Compute"),
    new_code_cell('quarters = pd.DataFrame({"quarter": ["Q1", "Q2", "Q3", "Q4"],\n'
                  '                         "revenue": [120.5, 98.0, 143.25, 160.0]})\n'
                  'quarters["growth"] = quarters["revenue"].pct_change().round(3)\n'
                  "print(quarters.to_string(index=False))"),
    new_markdown_cell("## Save"),
    new_code_cell('quarters.to_csv("quarters.csv", index=False)\n'
                  'np.savetxt("revenue.txt", quarters["revenue"].to_numpy(), fmt="%.2f")\n'
                  "fig, ax = plt.subplots()\n"
                  'ax.bar(quarters["quarter"], quarters["revenue"])\n'
                  'fig.savefig("revenue.png")\n'
                  "plt.close(fig)\n"
                  'print("saved")'),
    new_markdown_cell("## Check"),
    new_code_cell('again = pd.read_csv("quarters.csv")\nprint(len(again), "rows read back")'),
])
for written in ("quarters.csv", "revenue.txt", "revenue.png"):
    (HERE / written).unlink(missing_ok=True)

# A seeded scikit-learn model on generated data: every number reproduces, the figure too.
churn_parameters = new_code_cell("seed = 7\ntest_share = 0.25\ncustomers = 400")
churn_parameters.metadata["tags"] = ["parameters"]
notebook("churnmodel", [
    new_markdown_cell("# Churn model\n\nWhich customers leave, from tenure and monthly charges."),
    churn_parameters,
    new_code_cell("import matplotlib.pyplot as plt\nimport numpy as np\nimport pandas as pd\n"
                  "from sklearn.linear_model import LogisticRegression\n"
                  "from sklearn.model_selection import train_test_split"),
    new_markdown_cell("## Customers"),
    new_code_cell("rng = np.random.default_rng(seed)\n"
                  "frame = pd.DataFrame({\n"
                  '    "tenure": rng.integers(1, 72, customers),\n'
                  '    "monthly": rng.normal(65, 20, customers).round(2),\n'
                  "})\n"
                  'odds = 0.04 * frame["monthly"] - 0.08 * frame["tenure"] - 0.5\n'
                  'frame["churned"] = (rng.random(customers) < 1 / (1 + np.exp(-odds))).astype(int)\n'
                  'print(frame["churned"].value_counts().sort_index().to_dict())'),
    new_markdown_cell("## Train"),
    new_code_cell('features = frame[["tenure", "monthly"]]\n'
                  "train_x, test_x, train_y, test_y = train_test_split(\n"
                  '    features, frame["churned"], test_size=test_share, random_state=seed\n'
                  ")\n"
                  "model = LogisticRegression().fit(train_x, train_y)\n"
                  'print("accuracy:", round(model.score(test_x, test_y), 3))'),
    new_markdown_cell("## Coefficients"),
    new_code_cell("weights = pd.Series(model.coef_[0].round(3), index=features.columns)\nprint(weights.to_dict())"),
    new_markdown_cell("## Risk"),
    new_code_cell("risk = model.predict_proba(test_x)[:, 1]\n"
                  "fig, ax = plt.subplots(figsize=(4, 3))\n"
                  "ax.hist(risk, bins=10)\n"
                  'ax.set_xlabel("churn probability")\n'
                  "plt.show()\n"
                  'print("high risk:", int((risk > 0.5).sum()))'),
])

# Output that never reproduces: a timestamp and unseeded random numbers (graduate --verify marks
# those steps' tests xfail), and a section that does reproduce.
notebook("runlog", [
    new_markdown_cell("# Run log"),
    new_code_cell("import datetime\nimport random"),
    new_markdown_cell("## Stamp"),
    new_code_cell('print("generated at", datetime.datetime.now().isoformat(timespec="microseconds"))'),
    new_markdown_cell("## Sample"),
    new_code_cell("draws = [random.random() for _ in range(3)]\nprint(draws)"),
    new_markdown_cell("## Count"),
    new_code_cell('print("draws:", len(draws))'),
])
