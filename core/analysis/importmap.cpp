#include "analysis/importmap.h"

#include <algorithm>
#include <utility>

namespace tassel {

namespace {

// Import names that differ from the distribution that provides them. Where several
// distributions provide a name (cv2: opencv-python, -headless, -contrib), the most common one.
constexpr std::pair<std::string_view, std::string_view> kTable[] = {
    {"Bio", "biopython"},
    {"Crypto", "pycryptodome"},
    {"Cryptodome", "pycryptodomex"},
    {"Levenshtein", "python-Levenshtein"},
    {"MySQLdb", "mysqlclient"},
    {"OpenGL", "PyOpenGL"},
    {"OpenSSL", "pyOpenSSL"},
    {"PIL", "Pillow"},
    {"Stemmer", "PyStemmer"},
    {"attr", "attrs"},
    {"bs4", "beautifulsoup4"},
    {"cassandra", "cassandra-driver"},
    {"cv2", "opencv-python"},
    {"dateutil", "python-dateutil"},
    {"discord", "discord.py"},
    {"dns", "dnspython"},
    {"docx", "python-docx"},
    {"dotenv", "python-dotenv"},
    {"enchant", "pyenchant"},
    {"faiss", "faiss-cpu"},
    {"ffmpeg", "ffmpeg-python"},
    {"fitz", "PyMuPDF"},
    {"git", "GitPython"},
    {"github", "PyGithub"},
    {"google.protobuf", "protobuf"},
    {"googleapiclient", "google-api-python-client"},
    {"google_auth_oauthlib", "google-auth-oauthlib"},
    {"google.auth", "google-auth"},
    {"google.oauth2", "google-auth"},
    {"google.genai", "google-genai"},
    {"google.generativeai", "google-generativeai"},
    {"google.colab", "google-colab"},
    {"graphql", "graphql-core"},
    {"hydra", "hydra-core"},
    {"igraph", "python-igraph"},
    {"jose", "python-jose"},
    {"jwt", "PyJWT"},
    {"kafka", "kafka-python"},
    {"magic", "python-magic"},
    {"memcache", "python-memcached"},
    {"mpl_toolkits", "matplotlib"},
    {"osgeo", "GDAL"},
    {"paho", "paho-mqtt"},
    {"pdfminer", "pdfminer.six"},
    {"pkg_resources", "setuptools"},
    {"png", "pypng"},
    {"psycopg2", "psycopg2-binary"},
    {"rest_framework", "djangorestframework"},
    {"rpds", "rpds-py"},
    {"serial", "pyserial"},
    {"shapefile", "pyshp"},
    {"skbio", "scikit-bio"},
    {"skimage", "scikit-image"},
    {"sklearn", "scikit-learn"},
    {"slugify", "python-slugify"},
    {"snowflake", "snowflake-connector-python"},
    {"talib", "TA-Lib"},
    {"telegram", "python-telegram-bot"},
    {"umap", "umap-learn"},
    {"usb", "pyusb"},
    {"websocket", "websocket-client"},
    {"whisper", "openai-whisper"},
    {"xdg", "pyxdg"},
    {"yaml", "PyYAML"},
    {"zmq", "pyzmq"},
    {"tensorflow_datasets", "tensorflow-datasets"},
    {"tensorflow_hub", "tensorflow-hub"},
    {"tensorflow_probability", "tensorflow-probability"},
    {"tf_keras", "tf-keras"},
    {"sentence_transformers", "sentence-transformers"},
    {"pytorch_lightning", "pytorch-lightning"},
    {"llama_index", "llama-index"},
    {"langchain_community", "langchain-community"},
    {"langchain_openai", "langchain-openai"},
    {"vertexai", "google-cloud-aiplatform"},
    {"ruamel", "ruamel.yaml"},
    {"Image", "Pillow"},
    {"multipart", "python-multipart"},
    {"win32api", "pywin32"},
    {"win32com", "pywin32"},
    {"pywt", "PyWavelets"},
};

std::string dashed(std::string_view dotted)
{
    std::string out(dotted);
    std::replace(out.begin(), out.end(), '.', '-');
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

} // namespace

std::optional<std::string> ImportMap::lookup(std::string_view module)
{
    // Longest dotted prefix first: google.protobuf before google.
    std::string_view prefix = module;
    while (!prefix.empty()) {
        for (const auto &[name, distribution] : kTable) {
            if (name == prefix)
                return std::string(distribution);
        }
        const std::size_t dot = prefix.rfind('.');
        if (dot == std::string_view::npos)
            break;
        prefix = prefix.substr(0, dot);
    }
    // Namespace packages whose distribution names follow the module path.
    if (module.starts_with("google.cloud.")) {
        const std::string_view rest = module.substr(13);
        return "google-cloud-" + dashed(rest.substr(0, rest.find('.')));
    }
    if (module.starts_with("azureml.")) {
        const std::string_view rest = module.substr(8);
        return "azureml-" + dashed(rest.substr(0, rest.find('.')));
    }
    if (module.starts_with("azure.")) {
        std::string_view rest = module.substr(6);
        // azure.storage.blob -> azure-storage-blob; azure.identity -> azure-identity.
        const std::size_t second = rest.find('.');
        if (second != std::string_view::npos) {
            const std::size_t third = rest.find('.', second + 1);
            rest = rest.substr(0, third);
        }
        return "azure-" + dashed(rest);
    }
    return std::nullopt;
}

std::size_t ImportMap::size()
{
    return std::size(kTable);
}

} // namespace tassel
