# Finds every dependency and stops with a message that says how to get it.
set(_tassel_hint "Run 'packaging/dev setup' (it installs them or makes a Debian 13 build root), or install them by hand")

find_package(Qt6 6.4 QUIET COMPONENTS Core Gui Widgets Concurrent Test LinguistTools Svg)
if(NOT Qt6_FOUND)
    message(FATAL_ERROR "Qt 6 (Core, Gui, Widgets, Concurrent, Test, LinguistTools, Svg) not found. ${_tassel_hint}: "
                        "Debian/Ubuntu qt6-base-dev qt6-tools-dev qt6-svg-dev; Fedora qt6-qtbase-devel qt6-qttools-devel.")
endif()

find_package(nlohmann_json 3.10 QUIET)
if(NOT nlohmann_json_FOUND)
    message(FATAL_ERROR "nlohmann_json not found. ${_tassel_hint}: Debian nlohmann-json3-dev, Fedora json-devel.")
endif()

if(TASSEL_BUILD_GUI)
    find_package(KF6SyntaxHighlighting QUIET)
    if(NOT KF6SyntaxHighlighting_FOUND)
        message(FATAL_ERROR "KF6 SyntaxHighlighting not found (Debian 12 does not package it). ${_tassel_hint}: "
                            "Debian 13 libkf6syntaxhighlighting-dev, Fedora kf6-syntax-highlighting-devel.")
    endif()
endif()

find_package(PkgConfig QUIET)

# A library some distributions ship as a CMake package and others only as a pkg-config file:
# afterwards `target` exists if either was found.
macro(tassel_find_package_or_pkgconfig package target pkgconfig_module)
    find_package(${package} QUIET CONFIG)
    if(NOT TARGET ${target} AND PkgConfig_FOUND)
        pkg_check_modules(_tassel_${package} QUIET IMPORTED_TARGET ${pkgconfig_module})
        if(_tassel_${package}_FOUND)
            add_library(${target} INTERFACE IMPORTED)
            target_link_libraries(${target} INTERFACE PkgConfig::_tassel_${package})
        endif()
    endif()
endmacro()

if(PkgConfig_FOUND)
    pkg_check_modules(TREE_SITTER QUIET IMPORTED_TARGET tree-sitter)
endif()
if(NOT TREE_SITTER_FOUND)
    message(FATAL_ERROR "The tree-sitter library was not found. ${_tassel_hint}: Debian libtree-sitter-dev, Fedora libtree-sitter-devel.")
endif()

# The tree-sitter-python grammar is not packaged: packaging/dev setup fetches its generated
# sources (never committed) into build/deps/.
set(TASSEL_TREE_SITTER_PYTHON_DIR "${PROJECT_SOURCE_DIR}/build/deps/tree-sitter-python-0.23.6/src"
    CACHE PATH "The src/ folder of tree-sitter-python 0.23.x (holds parser.c and scanner.c)")
if(NOT EXISTS "${TASSEL_TREE_SITTER_PYTHON_DIR}/parser.c" OR NOT EXISTS "${TASSEL_TREE_SITTER_PYTHON_DIR}/scanner.c")
    message(FATAL_ERROR "tree-sitter-python grammar sources not found in '${TASSEL_TREE_SITTER_PYTHON_DIR}'. "
                        "Run 'packaging/dev setup' (npm pack tree-sitter-python@0.23.6), or point "
                        "-DTASSEL_TREE_SITTER_PYTHON_DIR at the grammar's src/ folder.")
endif()
add_library(tree_sitter_python STATIC "${TASSEL_TREE_SITTER_PYTHON_DIR}/parser.c" "${TASSEL_TREE_SITTER_PYTHON_DIR}/scanner.c")
target_include_directories(tree_sitter_python PRIVATE "${TASSEL_TREE_SITTER_PYTHON_DIR}")
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Generated code: its warnings are not ours to fix.
target_compile_options(tree_sitter_python PRIVATE -w)

# RE2 runs the secret scanner's many patterns at once (RE2::Set) in linear time. Some
# distributions ship a CMake package (re2::re2), Debian only a pkg-config file.
tassel_find_package_or_pkgconfig(re2 re2::re2 re2)
if(NOT TARGET re2::re2)
    message(FATAL_ERROR "RE2 not found (the secret scanner needs it). ${_tassel_hint}: Debian libre2-dev, Fedora re2-devel.")
endif()

# tomlplusplus reads every TOML file: tassel.toml, pyproject.toml, Pipfile, PEP 723 blocks and
# gitleaks' rules. Debian and Fedora ship a CMake package, others a pkg-config file.
tassel_find_package_or_pkgconfig(tomlplusplus tomlplusplus::tomlplusplus "tomlplusplus>=3")
if(NOT TARGET tomlplusplus::tomlplusplus)
    message(FATAL_ERROR "tomlplusplus 3 not found. ${_tassel_hint}: Debian libtomlplusplus-dev, Fedora tomlplusplus-devel, Arch tomlplusplus.")
endif()

# Graphviz lays out the GUI's dependency graph (libgvc with its dot layout plugin).
if(TASSEL_BUILD_GUI)
    if(PkgConfig_FOUND)
        pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
    endif()
    if(NOT GRAPHVIZ_FOUND)
        message(FATAL_ERROR "Graphviz (libgvc) not found. ${_tassel_hint}: Debian libgraphviz-dev, Fedora graphviz-devel, Arch graphviz.")
    endif()
endif()

# md4c renders notebook markdown (CommonMark + GitHub tables, task lists, LaTeX math spans) to HTML
# for the GUI's sanitiser; Qt's own copy is private to QtGui.
if(TASSEL_BUILD_GUI)
    if(PkgConfig_FOUND)
        pkg_check_modules(MD4C QUIET IMPORTED_TARGET md4c md4c-html)
    endif()
    if(NOT MD4C_FOUND)
        message(FATAL_ERROR "md4c not found. ${_tassel_hint}: Debian libmd4c-dev libmd4c-html0-dev, Fedora md4c-devel, Arch md4c.")
    endif()
endif()
