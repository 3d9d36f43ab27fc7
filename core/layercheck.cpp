// Linked, with one core layer whole and only the layers it declares, into a shared library with
// --no-undefined (core/CMakeLists.txt): a symbol that layer uses from a layer above it fails the
// link. The file itself is empty on purpose.
