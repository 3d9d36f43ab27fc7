#pragma once

#include "notebook/notebook.h"
#include "util/message.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Width, height and 64-bit average hash (16 hex digits) of an image output. The driver
/// computes them (core links Qt Core only, so it decodes no images); an empty hash means
/// the image could not be decoded there, and then only the sizes are compared.
struct ImageSignature
{
    int width = 0;
    int height = 0;
    std::string averageHash;

    bool operator==(const ImageSignature &) const = default;
};

/// One output reduced to what re-execution can be expected to reproduce.
struct ComparableOutput
{
    enum class Kind { Text, Image, Error };
    Kind kind = Kind::Text;
    std::string label; ///< "stdout", "text/plain", "image/png", "error", ...
    std::string text; ///< the text, or for errors "ename: evalue"
    ImageSignature image;
    int outputIndex = -1; ///< index in the cell's outputs

    bool operator==(const ComparableOutput &) const = default;
};

/// Compares stored and re-run outputs as nbval does, after normalising what changes from run to
/// run by nature: memory addresses, UUIDs, timings, timestamps, trailing whitespace, terminal
/// colours; numbers within a tolerance. stderr is not compared (warnings name paths and
/// versions). Stateless; safe from any thread.
class OutputComparer
{
public:
    struct Options
    {
        double relativeTolerance = 1e-6;
        double absoluteTolerance = 1e-9;
        int maxHashDistance = 6; ///< of 64 bits
        double maxSizeDifference = 0.02; ///< fraction of width/height
    };

    struct Difference
    {
        bool same = true;
        int index = -1; ///< position in the comparable list where they part
        int outputIndex = -1; ///< index in the cell's outputs (stored when present, else new)
        std::string expected; ///< excerpt of the first differing line (normalised)
        std::string actual;
        Message reason; ///< one sentence (verify.* messages)
    };

    using SignatureLookup = std::function<ImageSignature(int outputIndex, const MimeItem &item)>;

    static std::string normalize(std::string_view text);
    static bool textsMatch(std::string_view expected, std::string_view actual, const Options &options);
    static int hashDistance(std::string_view a, std::string_view b);
    static std::vector<ComparableOutput> comparable(
        const std::vector<Output> &outputs, const SignatureLookup &images);
    static Difference compare(const std::vector<ComparableOutput> &expected,
        const std::vector<ComparableOutput> &actual, const Options &options);
};

} // namespace tassel
