// Lints Python files with ruff's WebAssembly build (npm @astral-sh/ruff-wasm-nodejs, fetched by
// packaging/dev, never committed): node ruff_check.js RUFF_WASM_DIR SETTINGS_JSON FILE...
// SETTINGS_JSON is a [tool.ruff] table as JSON. Prints one line per diagnostic, exits 1 if any.
const path = require('path');
const fs = require('fs');

const [ruffDir, settingsJson, ...files] = process.argv.slice(2);
const { Workspace, PositionEncoding } = require(path.resolve(ruffDir, 'ruff_wasm.js'));
const workspace = new Workspace(JSON.parse(settingsJson), PositionEncoding.Utf8);
let count = 0;
for (const file of files) {
    for (const d of workspace.check(fs.readFileSync(file, 'utf8'))) {
        console.log(`${file}:${d.start_location.row}:${d.start_location.column}: ${d.code} ${d.message}`);
        ++count;
    }
}
console.log(`ruff ${Workspace.version()}: ${files.length} files, ${count} diagnostics`);
process.exit(count ? 1 : 0);
