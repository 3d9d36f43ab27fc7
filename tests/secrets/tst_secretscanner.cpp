#include "analysis/gitleaksrules.h"
#include "analysis/secretscanner.h"
#include "notebook/notebookloader.h"
#include "regexsample.h"
#include "testcorpus.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <random>
#include <set>
#include <thread>

using namespace tassel;
using nlohmann::json;

namespace {

// Token-shaped strings are built at run time from a fixed seed, so this file holds nothing a
// scanner (or a push protection) would flag, while every run tests the same values.
std::string randomText(std::size_t length, std::string_view alphabet, unsigned seed)
{
    std::mt19937 generator(seed);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string text;
    for (std::size_t i = 0; i < length; ++i)
        text += alphabet[pick(generator)];
    return text;
}

const std::string kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const std::string kUpperBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const std::string kHex = "0123456789abcdef";
const std::string kBase64 = kAlnum + "+/";
const std::string kUrlSafe = kAlnum + "_-";

std::string cat(std::initializer_list<std::string> parts)
{
    std::string text;
    for (const auto &part : parts)
        text += part;
    return text;
}

std::string pemKey(const std::string &label)
{
    std::string body;
    for (int line = 0; line < 4; ++line)
        body += randomText(64, kBase64, 100u + unsigned(line)) + "\n";
    const std::string dashes = "-----";
    return cat({dashes, "BEGIN ", label, "PRIVATE", " KEY", dashes, "\n", body, dashes, "END ", label,
        "PRIVATE", " KEY", dashes});
}

Notebook load(const json &document)
{
    const auto result = NotebookLoader().loadBytes(document.dump(1), "test.ipynb");
    if (!result.ok())
        qFatal("%s", result.error().toString().c_str());
    return result.value();
}

json notebookWith(json cells, json metadata = json::object())
{
    return json {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", std::move(metadata)},
        {"cells", std::move(cells)}};
}

json codeCell(json source, json outputs = json::array(), json metadata = json::object())
{
    return json {{"cell_type", "code"}, {"id", "c1"}, {"execution_count", 1},
        {"metadata", std::move(metadata)}, {"source", std::move(source)}, {"outputs", std::move(outputs)}};
}

/// A true positive for a gitleaks rule, generated from its regex: the first of a few seeds whose
/// secret (first non-empty group, as gitleaks reads it) passes the rule's entropy threshold and
/// repeats no character three times (a run like "xxx" reads as a placeholder to Tassel).
std::string gitleaksSample(const GitleaksRule &rule, unsigned seed)
{
    std::string sample;
    for (unsigned attempt = 0; attempt < 50; ++attempt) {
        sample = RegexSample::generate(rule.regex, seed + attempt);
        std::vector<std::string> groups(std::size_t(rule.compiled.get()->NumberOfCapturingGroups()));
        std::vector<RE2::Arg> args;
        for (std::string &group : groups)
            args.emplace_back(&group);
        std::vector<const RE2::Arg *> argPointers;
        for (const RE2::Arg &arg : args)
            argPointers.push_back(&arg);
        if (!RE2::PartialMatchN(sample, *rule.compiled.get(), argPointers.data(), int(argPointers.size())))
            continue;
        const auto first
            = std::find_if(groups.begin(), groups.end(), [](const auto &g) { return !g.empty(); });
        const std::string secret = first == groups.end() ? sample : *first;
        bool repeats = false;
        for (std::size_t i = 0; i + 2 < secret.size(); ++i)
            repeats = repeats || (secret[i] == secret[i + 1] && secret[i] == secret[i + 2]);
        if (!repeats && (rule.entropy == 0 || SecretScanner::entropy(secret) > rule.entropy))
            return sample;
    }
    return sample;
}

std::string kindsOf(const std::vector<SecretSpan> &spans)
{
    std::string kinds;
    for (const auto &span : spans)
        kinds += (kinds.empty() ? "" : ",") + span.kind;
    return kinds;
}

/// Rows for Tassel's own vendor rules (core/analysis/gitleaks/tassel-rules.toml): how notebooks
/// write each key, and a near miss (wrong length, no vendor word beside it, a placeholder) that
/// must not be reported as that rule.
struct TasselRuleRow
{
    std::string rule;
    std::string name;
    std::string text;
    bool found = true;
};

const std::string kLowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789";
const std::string kUpperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// Builds the rows, a group of rules at a time; values come from one seed sequence.
class TasselRuleRows
{
public:
    std::vector<TasselRuleRow> rows;

    /// Tokens with a documented prefix.
    void prefixedTokens()
    {
        both("pinecone-api-key",
            cat({"pc = Pinecone(api_key=\"pc", "sk_", r(6, kAlnum), "_", r(63, kAlnum), "\")"}),
            cat({"pc = Pinecone(api_key=\"pc", "sk_", r(6, kAlnum), "_", r(62, kAlnum), "\")"}), "too short");
        both("groq-api-key", cat({"client = Groq(api_key=\"gs", "k_", r(52, kAlnum), "\")"}),
            cat({"client = Groq(api_key=\"gs", "k_", r(51, kAlnum), "\")"}), "too short");
        rows.push_back({"groq-api-key", "groq-api-key placeholder",
            cat({"GROQ_API_KEY=gs", "k_", std::string(52, 'x')}), false});
        both("replicate-api-token",
            cat({"os.environ[\"REPLICATE_API_TOKEN\"] = \"r8", "_", r(37, kAlnum), "\""}),
            cat({"os.environ[\"REPLICATE_API_TOKEN\"] = \"r8", "_", r(36, kAlnum), "\""}), "too short");
        both("openrouter-api-key", cat({"OPENROUTER_API_KEY = \"sk-or", "-v1-", r(64, kHex), "\""}),
            cat({"OPENROUTER_API_KEY = \"sk-or", "-v1-", r(63, kHex), "\""}), "too short");
        both("xai-api-key", cat({"XAI_API_KEY = \"xa", "i-", r(80, kAlnum), "\""}),
            cat({"XAI_API_KEY = \"xa", "i-", r(79, kAlnum), "\""}), "too short");
        both("tavily-api-key", cat({"tavily = TavilyClient(api_key=\"tv", "ly-", r(32, kAlnum), "\")"}),
            cat({"tavily = TavilyClient(api_key=\"tv", "ly-", r(31, kAlnum), "\")"}), "too short");
        rows.push_back({"tavily-api-key", "tavily-api-key placeholder",
            cat({"tavily = TavilyClient(api_key=\"tv", "ly-YOUR_API_KEY\")"}), false});
        both("langsmith-api-key",
            cat({"os.environ[\"LANGCHAIN_API_KEY\"] = \"lsv2", "_pt_", r(32, kHex), "_", r(10, kHex), "\""}),
            cat({"os.environ[\"LANGCHAIN_API_KEY\"] = \"lsv2", "_pt_", r(32, kHex), "_", r(9, kHex), "\""}),
            "too short");
        // A Langfuse public key (pk-lf-) is not a secret.
        both("langfuse-secret-key", cat({"LANGFUSE_SECRET_KEY = \"sk", "-lf-", uuid(), "\""}),
            cat({"LANGFUSE_PUBLIC_KEY = \"pk", "-lf-", uuid(), "\""}), "public key");
        both("nvidia-api-key", cat({"client = OpenAI(api_key=\"nv", "api-", r(64, kUrlSafe), "\")"}),
            cat({"client = OpenAI(api_key=\"nv", "api-", r(63, kUrlSafe), "\")"}), "too short");
        both("supabase-access-token", cat({"%env SUPABASE_ACCESS_TOKEN=sb", "p_", r(40, kLowerDigits)}),
            cat({"%env SUPABASE_ACCESS_TOKEN=sb", "p_", r(39, kLowerDigits)}), "too short");
        both("apify-api-token", cat({"client = ApifyClient(\"apify", "_api_", r(36, kAlnum), "\")"}),
            cat({"client = ApifyClient(\"apify", "_api_", r(35, kAlnum), "\")"}), "too short");
        both("posthog-personal-api-key", cat({"POSTHOG_PERSONAL_API_KEY = \"ph", "x_", r(43, kAlnum), "\""}),
            cat({"POSTHOG_PERSONAL_API_KEY = \"ph", "x_", r(42, kAlnum), "\""}), "too short");
        both("llamacloud-api-key", cat({"parser = LlamaParse(api_key=\"ll", "x-", r(48, kAlnum), "\")"}),
            cat({"parser = LlamaParse(api_key=\"ll", "x-", r(47, kAlnum), "\")"}), "too short");
        both("firecrawl-api-key", cat({"app = FirecrawlApp(api_key=\"f", "c-", r(32, kHex), "\")"}),
            cat({"app = FirecrawlApp(api_key=\"f", "c-", r(31, kHex), "\")"}), "too short");
        both("firebase-cloud-messaging-server-key",
            cat({"FCM_SERVER_KEY = \"AA", "AA", r(7, kAlnum), ":APA", "91b", r(134, kUrlSafe), "\""}),
            cat({"FCM_SERVER_KEY = \"AA", "AA", r(7, kAlnum), ":APA", "91b", r(133, kUrlSafe), "\""}),
            "too short");
    }

    /// AI and ML services whose keys need the vendor's word beside them.
    void mlServices()
    {
        both("wandb-api-key", cat({"wandb.login(key=\"", r(40, kHex), "\")"}),
            cat({"login(key=\"", r(40, kHex), "\")"}), "no vendor word");
        rows.push_back(
            {"wandb-api-key", "wandb-api-key run id", cat({"wandb_run_id = \"", r(40, kHex), "\""}), false});
        rows.push_back(
            {"wandb-api-key", "wandb-api-key login command", cat({"!wandb login ", r(40, kHex)}), true});
        rows.push_back({"wandb-api-key", "wandb-api-key environment",
            cat({"os.environ[\"WANDB_API_KEY\"] = \"", r(40, kHex), "\""}), true});
        both("mistral-api-key", cat({"client = Mistral(api_key=\"", r(32, kAlnum), "\")"}),
            cat({"client = Client(api_key=\"", r(32, kAlnum), "\")"}), "no vendor word");
        both("deepseek-api-key", cat({"DEEPSEEK_API_KEY = \"s", "k-", r(32, kHex), "\""}),
            cat({"OTHER_API_KEY = \"s", "k-", r(32, kHex), "\""}), "no vendor word");
        both("ngrok-authtoken", cat({"ngrok.set_auth_token(\"", ngrokToken(), "\")"}),
            cat({"conf.set_auth_token(\"", ngrokToken(), "\")"}), "no vendor word");
        rows.push_back(
            {"ngrok-authtoken", "ngrok-authtoken command", cat({"!ngrok authtoken ", ngrokToken()}), true});
        both("deepgram-api-key", cat({"deepgram = DeepgramClient(\"", r(40, kHex), "\")"}),
            cat({"deepgram = DeepgramClient(\"", r(39, kHex), "\")"}), "too short");
        both("assemblyai-api-key", cat({"ASSEMBLYAI_API_KEY = \"", r(32, kHex), "\""}),
            cat({"aai.settings.api_key = \"", r(32, kHex), "\""}), "no vendor word");
        both("elevenlabs-api-key", cat({"client = ElevenLabs(api_key=\"s", "k_", r(48, kHex), "\")"}),
            cat({"client = Client(api_key=\"s", "k_", r(48, kHex), "\")"}), "no vendor word");
        both("together-api-key", cat({"os.environ[\"TOGETHER_API_KEY\"] = \"", r(64, kHex), "\""}),
            cat({"os.environ[\"TOGETHER_API_KEY\"] = \"", r(63, kHex), "\""}), "too short");
        both("stability-api-key", cat({"STABILITY_KEY = \"s", "k-", r(48, kAlnum), "\""}),
            cat({"KEY = \"s", "k-", r(48, kAlnum), "\""}), "no vendor word");
        both("roboflow-api-key", cat({"rf = Roboflow(api_key=\"", r(20, kAlnum), "\")"}),
            cat({"rf = Roboflow(api_key=\"", r(19, kAlnum), "\")"}), "too short");
        both("kaggle-api-key",
            cat({"!echo '{\"username\":\"jdoe\",\"key\":\"", r(32, kHex), "\"}' > ~/.kaggle/kaggle.json"}),
            cat({"os.environ['KAGGLE_KEY'] = '", r(31, kHex), "'"}), "too short");
        // A checksum or id named after the vendor is not its key (the rules' allowlist).
        rows.push_back({"kaggle-api-key", "kaggle-api-key md5 checksum",
            cat({"KAGGLE_DATASET_MD5 = \"", r(32, kHex), "\""}), false});
        rows.push_back({"kaggle-api-key", "kaggle-api-key environment",
            cat({"os.environ['KAGGLE_KEY'] = '", r(32, kHex), "'"}), true});
        both("comet-api-key", cat({"COMET_API_KEY = \"", r(25, kAlnum), "\""}),
            cat({"experiment = Experiment(api_key=\"", r(25, kAlnum), "\")"}), "no vendor word");
    }

    /// Data, finance, web3 and media APIs notebooks query.
    void dataServices()
    {
        both("openweather-api-key",
            cat({"url = f\"https://api.openweathermap.org/data/2.5/weather?q={city}&appid=", r(32, kHex),
                "\""}),
            cat({"url = f\"https://api.example.org/data/2.5/weather?q={city}&appid=", r(32, kHex), "\""}),
            "other host");
        rows.push_back({"openweather-api-key", "openweather-api-key environment",
            cat({"os.environ[\"OPENWEATHER_API_KEY\"] = \"", r(32, kHex), "\""}), true});
        both("newsapi-api-key", cat({"newsapi = NewsApiClient(api_key=\"", r(32, kHex), "\")"}),
            cat({"newsapi = NewsApiClient(api_key=\"", r(31, kHex), "\")"}), "too short");
        both("spotify-client-secret",
            cat({"sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials(\n    client_id=\"", r(32, kHex),
                "\",\n    client_secret=\"", r(32, kHex), "\"))"}),
            cat({"sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials(\n    client_id=\"", r(32, kHex),
                "\"))"}),
            "client id only");
        both("reddit-client-secret",
            cat({"reddit = praw.Reddit(\n    client_id=\"", r(14, kUrlSafe), "\",\n    client_secret=\"",
                r(30, kAlnum), "\",\n    user_agent=\"notebook\")"}),
            cat({"reddit = praw.Reddit(\n    client_id=\"", r(14, kUrlSafe), "\",\n    client_secret=\"",
                r(26, kAlnum), "\",\n    user_agent=\"notebook\")"}),
            "too short");
        both("alphavantage-api-key",
            cat({"url = \"https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey=",
                r(16, kUpperDigits), "\""}),
            cat({"url = "
                 "\"https://www.alphavantage.co/query?function=TIME_SERIES_DAILY&symbol=IBM&apikey=demo\""}),
            "demo key");
        rows.push_back({"alphavantage-api-key", "alphavantage-api-key datareader",
            cat({"df = web.DataReader(\"AAPL\", \"av-daily\", start=start, api_key=\"", r(16, kUpperDigits),
                "\")"}),
            true});
        both("polygon-api-key", cat({"POLYGON_API_KEY = \"", r(32, kAlnum), "\""}),
            cat({"POLYGON_API_KEY = \"", r(31, kAlnum), "\""}), "too short");
        both("tiingo-api-key", cat({"TIINGO_API_KEY = \"", r(40, kHex), "\""}),
            cat({"TIINGO_API_KEY = \"", r(39, kHex), "\""}), "too short");
        both("etherscan-api-key",
            cat({"url = f\"https://api.etherscan.io/api?module=account&action=balance&address={addr}&apikey=",
                r(34, kUpperDigits), "\""}),
            cat({"ETHERSCAN_API_KEY = \"", r(33, kUpperDigits), "\""}), "too short");
        both("infura-api-key",
            cat({"w3 = Web3(Web3.HTTPProvider(\"https://mainnet.infura.io/v3/", r(32, kHex), "\"))"}),
            cat({"w3 = Web3(Web3.HTTPProvider(\"https://mainnet.example.io/v3/", r(32, kHex), "\"))"}),
            "other host");
        both("alchemy-api-key",
            cat({"ALCHEMY_URL = \"https://eth-mainnet.g.alchemy.com/v2/", r(32, kUrlSafe), "\""}),
            cat({"ALCHEMY_URL = \"https://eth-mainnet.g.alchemy.com/v2/", r(31, kUrlSafe), "\""}),
            "too short");
        both("virustotal-api-key", cat({"VIRUSTOTAL_API_KEY = \"", r(64, kHex), "\""}),
            cat({"VIRUSTOTAL_API_KEY = \"", r(63, kHex), "\""}), "too short");
        both("shodan-api-key", cat({"api = shodan.Shodan(\"", r(32, kAlnum), "\")"}),
            cat({"api = shodan.Shodan(\"", r(31, kAlnum), "\")"}), "too short");
        both("trello-api-key", cat({"TRELLO_TOKEN = \"", r(64, kHex), "\""}),
            cat({"TRELLO_TOKEN = \"", r(48, kHex), "\""}), "wrong length");
        both("clarifai-api-key", cat({"CLARIFAI_PAT = \"", r(32, kAlnum), "\""}),
            cat({"CLARIFAI_PAT = \"", r(31, kAlnum), "\""}), "too short");
        both("oanda-api-token", cat({"OANDA_ACCESS_TOKEN = \"", r(32, kHex), "-", r(32, kHex), "\""}),
            cat({"OANDA_ACCESS_TOKEN = \"", r(32, kHex), "\""}), "one half");
        both("nasdaq-data-link-api-key", cat({"quandl.ApiConfig.api_key = \"", r(20, kAlnum), "\""}),
            cat({"quandl.ApiConfig.api_key = \"", r(19, kAlnum), "\""}), "too short");
        both("yelp-api-key", cat({"YELP_API_KEY = \"", r(128, kUrlSafe), "\""}),
            cat({"YELP_API_KEY = \"", r(127, kUrlSafe), "\""}), "too short");
        both("serpapi-api-key", cat({"os.environ[\"SERPAPI_API_KEY\"] = \"", r(64, kHex), "\""}),
            cat({"os.environ[\"SERPAPI_API_KEY\"] = \"", r(63, kHex), "\""}), "too short");
        both("serper-api-key", cat({"os.environ[\"SERPER_API_KEY\"] = \"", r(40, kHex), "\""}),
            cat({"os.environ[\"SERPER_API_KEY\"] = \"", r(39, kHex), "\""}), "too short");
        both("binance-api-key", cat({"BINANCE_API_SECRET = \"", r(64, kAlnum), "\""}),
            cat({"BINANCE_API_SECRET = \"", r(63, kAlnum), "\""}), "too short");
        both("alpaca-api-secret", cat({"APCA_API_SECRET_KEY = \"", r(40, kAlnum), "\""}),
            cat({"APCA_API_SECRET_KEY = \"", r(39, kAlnum), "\""}), "too short");
        both("tmdb-api-key",
            cat({"url = f\"https://api.themoviedb.org/3/movie/{movie_id}?api_key=", r(32, kHex), "\""}),
            cat({"TMDB_API_KEY = \"", r(31, kHex), "\""}), "too short");
        both("fred-api-key", cat({"fred = Fred(api_key=\"", r(32, kHex), "\")"}),
            cat({"fred = Fred(api_key=\"", r(31, kHex), "\")"}), "too short");
        rows.push_back({"census-api-key", "census-api-key sha1 checksum",
            cat({"census_tracts_sha1 = '", r(40, kHex), "'"}), false});
        both("census-api-key", cat({"c = Census(\"", r(40, kHex), "\")"}),
            cat({"c = Census(\"", r(39, kHex), "\")"}), "too short");
        both("unsplash-access-key", cat({"UNSPLASH_ACCESS_KEY = \"", r(43, kUrlSafe), "\""}),
            cat({"UNSPLASH_ACCESS_KEY = \"", r(42, kUrlSafe), "\""}), "too short");
        both("twelvedata-api-key", cat({"TWELVE_DATA_API_KEY = \"", r(32, kHex), "\""}),
            cat({"TWELVE_DATA_API_KEY = \"", r(31, kHex), "\""}), "too short");
        both("wolfram-app-id",
            cat({"client = wolframalpha.Client(\"", r(6, kUpperDigits), "-", r(10, kUpperDigits), "\")"}),
            cat({"client = wolframalpha.Client(\"", r(6, kUpperDigits), "-", r(9, kUpperDigits), "\")"}),
            "too short");
        both("nasa-api-key",
            cat({"url = \"https://api.nasa.gov/planetary/apod?api_key=", r(40, kAlnum), "\""}),
            cat({"url = \"https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY\""}), "demo key");
    }

private:
    std::string r(std::size_t length, const std::string &alphabet)
    {
        return randomText(length, alphabet, ++m_seed);
    }
    std::string uuid()
    {
        return cat({r(8, kHex), "-", r(4, kHex), "-", r(4, kHex), "-", r(4, kHex), "-", r(12, kHex)});
    }
    std::string ngrokToken() { return cat({"2", r(26, kAlnum), "_", r(1, "123456789"), r(20, kAlnum)}); }
    void both(const std::string &rule, std::string found, std::string nearMiss, const std::string &why)
    {
        rows.push_back({rule, rule, std::move(found), true});
        rows.push_back({rule, rule + " " + why, std::move(nearMiss), false});
    }

    unsigned m_seed = 5000;
};

std::vector<TasselRuleRow> tasselRuleRows()
{
    TasselRuleRows builder;
    builder.prefixedTokens();
    builder.mlServices();
    builder.dataServices();
    return builder.rows;
}

/// The first word of a rule id or secret kind: its vendor ("aws-access-key-id" -> "aws"), with
/// the ids that name a product of a vendor counted once under the vendor.
std::string vendorOf(const std::string &id)
{
    const std::string word = id.substr(0, id.find('-'));
    if (word == "artifactory")
        return "jfrog";
    if (word == "vault")
        return "hashicorp";
    return word;
}

} // namespace

class TestSecretScanner : public QObject
{
    Q_OBJECT
private slots:
    void families_data();
    void families();
    void bareValues_data();
    void bareValues();
    void placements_data();
    void placements();
    void digestKeysStaySilent();
    void findingNeverHoldsValue();
    void allowlists();
    void maskAndFingerprint();
    void corpusExpectations_data();
    void corpusExpectations();
    void wholeCorpus();
    void gitleaksRuleSet();
    void gitleaksRules_data();
    void gitleaksRules();
    void gitleaksFalsePositives_data();
    void gitleaksFalsePositives();
    void gitleaksAllowlists_data();
    void gitleaksAllowlists();
    void gitleaksOverlaps_data();
    void gitleaksOverlaps();
    void tasselRuleFile();
    void vendorFamilies();
    void tasselRules_data();
    void tasselRules();
    void gitleaksRefused_data();
    void gitleaksRefused();
    void gitleaksLoad();
    void gitleaksConcurrentFirstUse();
    void keywordTails_data();
    void keywordTails();
    void keywordTailHits_data();
    void keywordTailHits();
    void keyedMetadata_data();
    void keyedMetadata();
    void ownRulesHoldTheirKeywords_data();
    void ownRulesHoldTheirKeywords();
    void reachingTails_data();
    void reachingTails();

private:
    SecretScanner m_scanner;
};

void TestSecretScanner::families_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("kinds"); // comma-separated expected kinds, empty = nothing
    QTest::addColumn<std::string>("value"); // the expected value of the first span

    const std::string awsId = cat({"AK", "IA", randomText(16, kUpperBase32, 1)});
    QTest::addRow("aws access key id")
        << cat({"key = '", awsId, "'"}) << std::string("aws-access-key-id") << awsId;
    QTest::addRow("aws id inside a longer word") << cat({"X", awsId, "Y"}) << std::string() << std::string();
    const std::string awsSecret = randomText(40, kBase64, 2);
    QTest::addRow("aws secret by context") << cat({"aws_secret_access_key = \"", awsSecret, "\""})
                                           << std::string("aws-secret-access-key") << awsSecret;
    QTest::addRow("40 base64 chars without context")
        << cat({"blob = '", awsSecret, "'"}) << std::string() << std::string();

    const std::string google = cat({"AI", "za", randomText(35, kUrlSafe, 3)});
    QTest::addRow("google api key") << cat({"genai.configure(api_key=\"", google, "\")"})
                                    << std::string("google-api-key") << google;
    QTest::addRow("google key one char short")
        << cat({"k = '", google.substr(0, 38), "'"}) << std::string() << std::string();

    const std::string azure = randomText(86, kBase64, 4) + "==";
    QTest::addRow("azure storage key") << cat({"conn = 'DefaultEndpointsProtocol=https;AccountName=x;Account",
        "Key=", azure, ";EndpointSuffix=core.windows.net'"})
                                       << std::string("azure-storage-key") << azure;
    QTest::addRow("azure key placeholder")
        << cat({"conn = 'Account", "Key=<storage-key>'"}) << std::string() << std::string();

    const std::string ghp = cat({"gh", "p_", randomText(36, kAlnum, 5)});
    QTest::addRow("github classic token") << cat({"token: ", ghp}) << std::string("github-token") << ghp;
    const std::string ghs = cat({"gh", "s_", randomText(36, kAlnum, 6)});
    QTest::addRow("github server token") << cat({"'", ghs, "'"}) << std::string("github-token") << ghs;
    const std::string pat = cat({"github", "_pat_", randomText(82, kAlnum + "_", 7)});
    QTest::addRow("github fine-grained pat")
        << cat({"g = Github('", pat, "')"}) << std::string("github-token") << pat;
    QTest::addRow("github prefix too short")
        << cat({"gh", "p_", randomText(20, kAlnum, 8)}) << std::string() << std::string();

    const std::string gitlab = cat({"gl", "pat-", randomText(20, kUrlSafe, 9)});
    QTest::addRow("gitlab token") << cat({"GITLAB = \"", gitlab, "\""}) << std::string("gitlab-token")
                                  << gitlab;

    const std::string slack = cat({"xo", "xb-", randomText(11, "0123456789", 10), "-",
        randomText(12, "0123456789", 11), "-", randomText(24, kAlnum, 12)});
    QTest::addRow("slack bot token") << cat({"client = WebClient(token='", slack, "')"})
                                     << std::string("slack-token") << slack;
    const std::string hook = cat({"hooks.slack.com/services/T", randomText(8, kUpperBase32, 13), "/B",
        randomText(8, kUpperBase32, 14), "/", randomText(24, kAlnum, 15)});
    QTest::addRow("slack webhook") << cat({"url = 'https://", hook, "'"}) << std::string("slack-webhook")
                                   << hook;

    const std::string openai
        = cat({"sk-", "proj-", randomText(74, kUrlSafe, 16), "T3Blbk", "FJ", randomText(74, kUrlSafe, 17)});
    QTest::addRow("openai project key")
        << cat({"client = OpenAI(api_key=\"", openai, "\")"}) << std::string("openai-api-key") << openai;
    const std::string openaiLegacy
        = cat({"sk-", randomText(20, kAlnum, 18), "T3Blbk", "FJ", randomText(20, kAlnum, 19)});
    QTest::addRow("openai legacy key")
        << cat({"openai.api_key = '", openaiLegacy, "'"}) << std::string("openai-api-key") << openaiLegacy;
    QTest::addRow("openai key without marker placeholder")
        << std::string("openai.api_key = 'sk-...VOTRE_CLE'") << std::string() << std::string();

    const std::string anthropic = cat({"sk-", "ant-", "api03-", randomText(93, kUrlSafe, 20), "AA"});
    QTest::addRow("anthropic key") << cat({"Anthropic(api_key='", anthropic, "')"})
                                   << std::string("anthropic-api-key") << anthropic;

    const std::string hf = cat({"hf", "_", randomText(34, kAlnum, 21)});
    QTest::addRow("hugging face token")
        << cat({"login(token=\"", hf, "\")"}) << std::string("huggingface-token") << hf;
    QTest::addRow("hf_ prefix in an identifier")
        << std::string("model.hf_device_map_for_all_the_layers_x") << std::string() << std::string();

    const std::string stripe = cat({"sk", "_live_", randomText(24, kAlnum, 22)});
    QTest::addRow("stripe live key") << cat({"stripe.api_key = '", stripe, "'"}) << std::string("stripe-key")
                                     << stripe;
    QTest::addRow("stripe publishable key is public")
        << cat({"pk", "_live_", randomText(24, kAlnum, 23)}) << std::string() << std::string();

    const std::string twilio = cat({"S", "K", randomText(32, kHex, 24)});
    QTest::addRow("twilio api key") << cat({"sid = '", twilio, "'"}) << std::string("twilio-api-key")
                                    << twilio;
    const std::string sendgrid
        = cat({"S", "G.", randomText(22, kUrlSafe, 25), ".", randomText(43, kUrlSafe, 26)});
    QTest::addRow("sendgrid key") << cat({"SendGridAPIClient('", sendgrid, "')"})
                                  << std::string("sendgrid-api-key") << sendgrid;
    const std::string pypi = cat({"pypi-", "AgEIcHlwaS5vcmc", randomText(60, kUrlSafe, 27)});
    QTest::addRow("pypi token") << cat({"password = ", pypi}) << std::string("pypi-token") << pypi;
    const std::string databricks = cat({"da", "pi", randomText(32, kHex, 28)});
    QTest::addRow("databricks token")
        << cat({"DATABRICKS_TOKEN='", databricks, "'"}) << std::string("databricks-token") << databricks;

    const std::string jwt = cat({"ey", "J", randomText(30, kUrlSafe, 29), ".ey", "J",
        randomText(60, kUrlSafe, 30), ".", randomText(43, kUrlSafe, 31)});
    QTest::addRow("jwt") << cat({"headers = {'Authorization': 'Bearer ", jwt, "'}"}) << std::string("jwt")
                         << jwt;

    const std::string rsa = pemKey("RSA ");
    QTest::addRow("rsa private key") << cat({"key = \"\"\"", rsa, "\"\"\""}) << std::string("private-key")
                                     << rsa;
    const std::string ssh = pemKey("OPENSSH ");
    QTest::addRow("openssh private key") << ssh << std::string("private-key") << ssh;
    QTest::addRow("public key header only")
        << std::string("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n") << std::string() << std::string();
    const std::string escapedPem = cat({"-----", "BEGIN PRIVATE", " KEY-----\\n", randomText(64, kBase64, 32),
        "\\n-----", "END PRIVATE", " KEY-----\\n"});
    const std::string serviceAccount
        = cat({"{\"type\": \"service_account\", \"project_id\": \"p\", \"private_key_id\": \"",
            randomText(40, kHex, 33), "\", \"private_key\": \"", escapedPem,
            "\", \"client_email\": \"a@p.iam.gserviceaccount.com\"}"});
    QTest::addRow("gcp service account json") << serviceAccount << std::string("gcp-service-account")
                                              << escapedPem.substr(0, escapedPem.size() - 2);

    const std::string urlPassword = randomText(14, kAlnum, 34);
    QTest::addRow("password in url") << cat(
        {"engine = create_engine('postgresql://admin:", urlPassword, "@db.internal:5432/x')"})
                                     << std::string("url-credentials") << urlPassword;
    QTest::addRow("password placeholder in url")
        << std::string("create_engine('postgresql://user:password@localhost/db')") << std::string()
        << std::string();
    const std::string indexToken = randomText(32, kAlnum, 35);
    QTest::addRow("pip index url token")
        << cat({"%pip install --index-url https://", indexToken, "@pypi.example.org/simple mypkg"})
        << std::string("url-token") << indexToken;
    QTest::addRow("git ssh url is not a credential")
        << std::string("!git clone git@github.com:org/repo.git") << std::string() << std::string();

    const std::string alpha = cat({"AZ", "OBAQ2SK8AC1MUD"});
    QTest::addRow("keyword argument") << cat({"web.DataReader('AAPL', 'stooq', api_key=\"", alpha, "\")"})
                                      << std::string("generic-secret") << alpha;
    // The corpus' line: pandas-datareader's av-* sources take an Alpha Vantage key (tassel-rules.toml).
    QTest::addRow("keyword argument of an alpha vantage source")
        << cat({"web.DataReader('AAPL', 'av-daily', api_key=\"", alpha, "\")"})
        << std::string("alphavantage-api-key") << alpha;
    const std::string pw = cat({"Tr0ub4dor", "&3x!"});
    QTest::addRow("password assignment")
        << cat({"db_password = '", pw, "'"}) << std::string("generic-secret") << pw;
    QTest::addRow("dict key") << cat({"config = {\"client_secret\": \"", pw, "\"}"})
                              << std::string("generic-secret") << pw;
    QTest::addRow("placeholder in angle brackets")
        << std::string("admin_user_password='<my-password>'") << std::string() << std::string();
    QTest::addRow("env var name placeholder")
        << std::string("MAPS_API_KEY = \"YOUR_MAPS_API_KEY\"") << std::string() << std::string();
    QTest::addRow("xxx placeholder") << std::string("api_key = 'xxxxxxxxxxxxxxxx'") << std::string()
                                     << std::string();
    QTest::addRow("template variable")
        << std::string("token = '${GITHUB_TOKEN}'") << std::string() << std::string();
    QTest::addRow("changeme") << std::string("password = 'changeme123'") << std::string() << std::string();
    QTest::addRow("empty string") << std::string("password = ''") << std::string() << std::string();
    QTest::addRow("environment lookup")
        << std::string("api_key = os.environ['OPENAI_API_KEY']") << std::string() << std::string();
    QTest::addRow("getpass") << std::string("password = getpass.getpass('Password: ')") << std::string()
                             << std::string();
    QTest::addRow("comparison") << cat({"if password == '", pw, "':"}) << std::string() << std::string();
    QTest::addRow("tokenizer name") << std::string("tokenizer = 'bert-base-uncased-whole-word'")
                                    << std::string() << std::string();
    QTest::addRow("special token") << std::string("eos_token = '</s>'") << std::string() << std::string();
    QTest::addRow("secret file path")
        << std::string("secret_path = 'configs/credentials_v2.json'") << std::string() << std::string();

    QTest::addRow("uuid") << std::string("token = '123e4567-e89b-42d3-a456-426614174000'") << std::string()
                          << std::string();
    QTest::addRow("git sha") << cat({"https://github.com/o/r/blob/", randomText(40, kHex, 36), "/x.py"})
                             << std::string() << std::string();
    QTest::addRow("sha256 digest") << cat({"sha256:", randomText(64, kHex, 37)}) << std::string()
                                   << std::string();
    QTest::addRow("md5 digest") << cat({"md5 = '", randomText(32, kHex, 38), "'"}) << std::string()
                                << std::string();
    QTest::addRow("dna sequence") << cat({"seq = '", randomText(120, "ACGT", 39), "'"}) << std::string()
                                  << std::string();
    QTest::addRow("data uri with key look-alike") << cat({"<img src=\"data:image/png;base64,",
        randomText(300, kBase64, 40), "+AK", "IA", randomText(16, kUpperBase32, 41), "+AI", "za",
        randomText(35, kAlnum, 42), "/", randomText(300, kBase64, 43), "\">"})
                                                  << std::string() << std::string();
}

void TestSecretScanner::families()
{
    QFETCH(std::string, text);
    QFETCH(std::string, kinds);
    QFETCH(std::string, value);
    const auto spans = m_scanner.scanText(text);
    QCOMPARE(kindsOf(spans), kinds);
    if (!spans.empty()) {
        QCOMPARE(spans.front().value, value);
        QCOMPARE(text.substr(spans.front().begin, spans.front().end - spans.front().begin), value);
    }
}

// The misses of the hostile-input review: values without quotes, inside f-strings, in %env and
// shell lines, and pairs given as two strings. Each row failed (found nothing) before.
void TestSecretScanner::bareValues_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<TextKind>("kind");
    QTest::addColumn<std::string>("kinds");
    QTest::addColumn<std::string>("value");

    const std::string pw = cat({"Q7x", "!mZ2p", "Lw9"});
    const std::string token = randomText(40, kAlnum, 80);
    const std::string found = "generic-secret";
    const std::string none;
    const TextKind code = TextKind::Code;
    const TextKind prose = TextKind::Prose;

    QTest::addRow("os.environ.setdefault pair")
        << cat({"os.environ.setdefault(\"DB_PASSWORD\", \"", pw, "\")"}) << code << found << pw;
    QTest::addRow("password in an f-string dsn")
        << cat({"conn = psycopg2.connect(f\"host={host} user=admin password=", pw, " dbname=sales\")"})
        << code << found << pw;
    QTest::addRow("literal part of an f-string value")
        << cat({"db_password = f\"{prefix}", pw, "\""}) << code << found << pw;
    QTest::addRow("f-string of fields only")
        << std::string("password = f\"{user}{suffix}\"") << code << none << none;
    QTest::addRow("env magic") << cat({"%env API_TOKEN=", token}) << code << found << token;
    QTest::addRow("env magic with a space") << cat({"%env API_TOKEN ", token}) << code << found << token;
    QTest::addRow("env magic of a harmless variable")
        << cat({"%env CUDA_DEVICE_ORDER=PCI_", token}) << code << none << none;
    QTest::addRow("bearer header in a shell line")
        << cat({"!curl -H 'Authorization: Bearer ", token, "' https://api.example.com/v1/items"}) << code
        << std::string("bearer-token") << token;
    QTest::addRow("bearer placeholder")
        << std::string("!curl -H 'Authorization: Bearer YOUR_TOKEN_GOES_HERE_1234' https://api.example.com")
        << code << none << none;
    QTest::addRow("password flag in a shell line")
        << cat({"!mysql -u root --password ", pw, " sales"}) << code << found << pw;
    QTest::addRow("password in a comment") << cat({"# db password=", pw}) << code << found << pw;
    QTest::addRow("keyword argument with a variable")
        << std::string("conn = connect(host=h, password=user_password1)") << code << none << none;
    QTest::addRow("assignment of a variable")
        << std::string("password = user_password1") << code << none << none;
    QTest::addRow("yaml in markdown")
        << cat({"```yaml\ndatabase:\n  user: admin\n  password: ", pw, "\n```\n"}) << prose << found << pw;
    QTest::addRow("yaml placeholder")
        << std::string("  password: <your password>\n") << prose << none << none;
    QTest::addRow("digits are a count, not a password")
        << std::string("secret: 12345678") << prose << none << none;
    QTest::addRow("token count in a log")
        << std::string("max_tokens: 40960000, token_count=12345678") << prose << none << none;
    QTest::addRow("a printed reference")
        << std::string("Reading api_key: os.environ.get") << prose << none << none;
}

void TestSecretScanner::bareValues()
{
    QFETCH(std::string, text);
    QFETCH(TextKind, kind);
    QFETCH(std::string, kinds);
    QFETCH(std::string, value);
    const auto spans = m_scanner.scanText(text, kind);
    QCOMPARE(kindsOf(spans), kinds);
    if (!spans.empty())
        QCOMPARE(text.substr(spans.front().begin, spans.front().end - spans.front().begin), value);
}

void TestSecretScanner::placements_data()
{
    QTest::addColumn<json>("document");
    QTest::addColumn<std::string>("location");
    QTest::addColumn<int>("outputIndex");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const std::string ghp = cat({"gh", "p_", randomText(36, kAlnum, 50)});
    const std::string pw = cat({"Q7x", "!mZ2p", "Lw9"});

    // nlohmann escapes the quotes in the file: the scanner must see the decoded text.
    QTest::addRow("json-escaped quotes in source")
        << notebookWith({codeCell(json::array({"import os\n", cat({"password = \"", pw, "\"\n"})}))})
        << std::string("source") << -1 << 2 << 13;
    QTest::addRow("token split across source list items") << notebookWith(
        {codeCell(json::array({"x = 1\n", cat({"t = '", ghp.substr(0, 10)}), cat({ghp.substr(10), "'\n"})}))})
                                                          << std::string("source") << -1 << 2 << 6;
    QTest::addRow("unicode before the token counts code points")
        << notebookWith({codeCell(json::array({cat({"s = '\u00e9\u00e9' + '", ghp, "'\n"})}))})
        << std::string("source") << -1 << 1 << 13;
    QTest::addRow("printed into a stream output") << notebookWith({codeCell("print(tok)",
        json::array({json {{"output_type", "stream"}, {"name", "stdout"},
            {"text", json::array({"token is\n", ghp + "\n"})}}}))})
                                                  << std::string("output") << 0 << 2 << 1;
    QTest::addRow("text/plain execute result") << notebookWith({codeCell("cfg",
        json::array({json {{"output_type", "display_data"}, {"metadata", json::object()},
                         {"data", {{"image/png", "iVBORw0KGgo="}}}},
            json {{"output_type", "execute_result"}, {"execution_count", 1}, {"metadata", json::object()},
                {"data", {{"text/plain", cat({"{'token': '", ghp, "'}"})}}}}}))})
                                               << std::string("output") << 1 << 1 << 12;
    QTest::addRow("traceback with ansi colours") << notebookWith({codeCell("fail()",
        json::array({json {{"output_type", "error"}, {"ename", "ValueError"}, {"evalue", "bad"},
            {"traceback",
                json::array({"\u001b[0;31mValueError\u001b[0m: bad",
                    cat({"\u001b[1;32mtoken=\u001b[0m", ghp})})}}}))})
                                                 << std::string("output") << 0 << 2 << 7;
    QTest::addRow("cell metadata") << notebookWith(
        {codeCell("x", json::array(), json {{"env", {{"api_key", pw}}}})})
                                   << std::string("metadata") << -1 << 1 << 1;
    QTest::addRow("notebook metadata") << notebookWith({codeCell("x")}, json {{"colab", {{"note", ghp}}}})
                                       << std::string("notebook-metadata") << -1 << 1 << 1;
    // Before: keys containing "sha" hid whole subtrees, metadata.tassel was never read and
    // attachments were not scanned.
    QTest::addRow("under a key containing sha")
        << notebookWith({codeCell("x", json::array(), json {{"sharepoint", {{"client_secret", pw}}}})})
        << std::string("metadata") << -1 << 1 << 1;
    QTest::addRow("a value hidden in metadata.tassel")
        << notebookWith({codeCell("x")}, json {{"tassel", {{"allow", json::array()}, {"note", ghp}}}})
        << std::string("notebook-metadata") << -1 << 1 << 1;
    QTest::addRow("a token listed as allowed instead of its fingerprint")
        << notebookWith({codeCell("x")}, json {{"tassel", {{"allow", json::array({ghp})}}}})
        << std::string("notebook-metadata") << -1 << 1 << 1;
    QTest::addRow("text attachment of a markdown cell") << notebookWith({json {{"cell_type", "markdown"},
        {"id", "m1"}, {"metadata", json::object()}, {"source", "![notes](attachment:notes.txt)"},
        {"attachments", {{"notes.txt", {{"text/plain", cat({"api_key = '", pw, "'\n"})}}}}}}})
                                                        << std::string("attachment") << -1 << 1 << 12;
}

void TestSecretScanner::placements()
{
    QFETCH(json, document);
    QFETCH(std::string, location);
    QFETCH(int, outputIndex);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto findings = m_scanner.scan(load(document));
    QCOMPARE(findings.size(), std::size_t(1));
    const Finding &finding = findings.front();
    QCOMPARE(finding.rule, std::string("hardcoded-secret"));
    QCOMPARE(finding.severity, Severity::Error);
    QCOMPARE(finding.location, location);
    QCOMPARE(finding.outputIndex, outputIndex);
    QCOMPARE(finding.line, line);
    QCOMPARE(finding.column, column);
    QCOMPARE(finding.cell, location == "notebook-metadata" ? -1 : 0);
}

void TestSecretScanner::digestKeysStaySilent()
{
    const json metadata {{"sha256", randomText(64, kHex, 90)}, {"contentHash", randomText(40, kAlnum, 91)},
        {"files", {{"md5", randomText(32, kHex, 92)}, {"etag", randomText(27, kAlnum, 93)}}}};
    QCOMPARE(m_scanner.scan(load(notebookWith({codeCell("x")}, metadata))).size(), std::size_t(0));
}

void TestSecretScanner::findingNeverHoldsValue()
{
    const std::string ghp = cat({"gh", "p_", randomText(36, kAlnum, 60)});
    const auto findings
        = m_scanner.scan(load(notebookWith({codeCell(cat({"GITHUB_TOKEN = '", ghp, "'\n"}))})));
    QCOMPARE(findings.size(), std::size_t(1));
    const Finding &finding = findings.front();
    QCOMPARE(finding.secretKind, std::string("github-token"));
    QCOMPARE(finding.maskedPreview, ghp.substr(0, 4) + "\u2026(40 chars)");
    for (const std::string &text : {finding.message, finding.maskedPreview, finding.fingerprint})
        QVERIFY2(text.find(ghp.substr(4, 12)) == std::string::npos, text.c_str());
    QVERIFY(!finding.message.empty());
    QCOMPARE(finding.endColumn - finding.column, 40);
    QCOMPARE(finding.cellId, std::string("c1"));
}

void TestSecretScanner::allowlists()
{
    const std::string ghp = cat({"gh", "p_", randomText(36, kAlnum, 70)});
    const std::string other = cat({"gh", "o_", randomText(36, kAlnum, 71)});
    const json cell = codeCell(
        json::array({cat({"a = '", ghp, "'\n"}), cat({"b = '", other, "'  # tassel: allow-secret\n"})}));
    const auto before = m_scanner.scan(load(notebookWith({cell})));
    QCOMPARE(before.size(), std::size_t(1)); // the commented line is allowed
    QCOMPARE(before.front().line, 1);
    const json allowed
        = notebookWith({cell}, json {{"tassel", {{"allow", json::array({before.front().fingerprint})}}}});
    QVERIFY(m_scanner.scan(load(allowed)).empty());
    const json otherFingerprint
        = notebookWith({cell}, json {{"tassel", {{"allow", json::array({"0123456789abcdef"})}}}});
    QCOMPARE(m_scanner.scan(load(otherFingerprint)).size(), std::size_t(1));
}

void TestSecretScanner::maskAndFingerprint()
{
    QCOMPARE(SecretScanner::mask("abcdefghijklmnopqrst"), std::string("abcd\u2026(20 chars)"));
    QCOMPARE(SecretScanner::mask("abcdefgh"), std::string("ab\u2026(8 chars)"));
    QCOMPARE(SecretScanner::mask("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"),
        std::string("\u00e9\u00e9\u2026(8 chars)"));
    const std::string a = SecretScanner::fingerprint("github-token", "value-one");
    QCOMPARE(a.size(), std::size_t(16));
    QCOMPARE(a, SecretScanner::fingerprint("github-token", "value-one"));
    QVERIFY(a != SecretScanner::fingerprint("github-token", "value-two"));
    QVERIFY(a != SecretScanner::fingerprint("gitlab-token", "value-one"));
    QVERIFY(SecretScanner::entropy("aaaaaaaa") < 0.01);
    QVERIFY(qAbs(SecretScanner::entropy("abcdefgh") - 3.0) < 1e-9);
}

void TestSecretScanner::corpusExpectations_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("needle"); // a line of the source that must (or must not) be flagged
    QTest::addColumn<bool>("flagged");
    QTest::addColumn<bool>("noOutputFindings");

    QTest::addRow("pandas_exercises financial data api key") << std::string(
        "guipsamora__pandas_exercises/09_Time_Series__Getting_Financial_Data__Exercises_solutions.ipynb")
                                                             << std::string("api_key=") << true << false;
    QTest::addRow("azure <my-password> placeholder")
        << std::string("Azure__MachineLearningNotebooks/"
                       "how-to-use-azureml__training__train-on-amlcompute__train-on-amlcompute.ipynb")
        << std::string("admin_user_password=") << false << false;
    QTest::addRow("generative-ai YOUR_MAPS_API_KEY placeholder")
        << std::string(
               "GoogleCloudPlatform__generative-ai/gemini__agent-engine__tutorial_google_maps_agent.ipynb")
        << std::string("MAPS_API_KEY =") << false << false;
    if (test::wholeCorpus()) {
        // Over 2 MB each, so not in the bundled subset.
        QTest::addRow("rasbt ch12 base64 images")
            << std::string("rasbt__python-machine-learning-book-3rd-edition/ch12__ch12.ipynb")
            << std::string() << false << true;
        QTest::addRow("huggingface stable_conceptualizer base64 images")
            << std::string("huggingface__notebooks/diffusers__stable_conceptualizer_inference.ipynb")
            << std::string() << false << true;
    }
}

void TestSecretScanner::corpusExpectations()
{
    QFETCH(std::string, file);
    QFETCH(std::string, needle);
    QFETCH(bool, flagged);
    QFETCH(bool, noOutputFindings);
    TASSEL_REQUIRE_CORPUS();
    const auto loaded = NotebookLoader().loadFile(test::corpusDir().toStdString() + "/" + file);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
    const Notebook &notebook = loaded.value();
    const auto findings = m_scanner.scan(notebook);

    if (!needle.empty()) {
        int needleLines = 0;
        int flaggedLines = 0;
        for (std::size_t c = 0; c < notebook.cells.size(); ++c) {
            const std::string &source = notebook.cells[c].source;
            int line = 1;
            std::size_t start = 0;
            while (start <= source.size()) {
                const std::size_t end = std::min(source.find('\n', start), source.size());
                if (source.substr(start, end - start).find(needle) != std::string::npos) {
                    ++needleLines;
                    const bool hit = std::any_of(findings.begin(), findings.end(), [&](const Finding &f) {
                        return f.cell == int(c) && f.location == "source" && f.line == line;
                    });
                    flaggedLines += hit ? 1 : 0;
                }
                start = end + 1;
                ++line;
            }
        }
        QVERIFY2(needleLines > 0, "the corpus notebook no longer holds the expected line");
        QCOMPARE(flaggedLines, flagged ? needleLines : 0);
    }
    if (noOutputFindings) {
        // These notebooks hold AKIA/AIza look-alikes inside base64 image data.
        std::size_t images = 0;
        for (const auto &cell : notebook.cells) {
            for (const auto &output : cell.outputs) {
                for (const auto &item : output.data)
                    images += item.isBinary() ? 1 : 0;
            }
        }
        QVERIFY(images > 0);
        for (const Finding &finding : findings)
            QVERIFY2(finding.location != "output", finding.message.c_str());
    }
}

void TestSecretScanner::wholeCorpus()
{
    // Every corpus notebook scans, and no finding's text repeats the secret it reports.
    TASSEL_REQUIRE_CORPUS();
    QFile manifest(test::corpusDir() + QStringLiteral("/MANIFEST.tsv"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    manifest.readLine(); // header
    int notebooks = 0;
    int total = 0;
    while (!manifest.atEnd()) {
        const QByteArray row = manifest.readLine();
        const std::string file = row.left(row.indexOf('\t')).toStdString();
        const auto loaded = NotebookLoader().loadFile(test::corpusDir().toStdString() + "/" + file);
        if (!loaded.ok())
            continue;
        ++notebooks;
        const auto spans = m_scanner.locate(loaded.value());
        const auto findings = m_scanner.scan(loaded.value());
        QCOMPARE(findings.size(), spans.size());
        for (std::size_t i = 0; i < spans.size(); ++i) {
            QVERIFY(findings[i].message.find(spans[i].value) == std::string::npos);
            QVERIFY(findings[i].maskedPreview.find(spans[i].value) == std::string::npos);
            qInfo("%s: %s", file.c_str(), findings[i].message.c_str());
        }
        total += int(findings.size());
    }
    QVERIFY(notebooks > (test::wholeCorpus() ? 250 : 25));
    qInfo("%d notebooks scanned, %d secret findings", notebooks, total);
}

void TestSecretScanner::gitleaksRuleSet()
{
    // Everything in gitleaks.toml is adopted except what Tassel leaves out on purpose: a rule
    // RE2 refuses shows up here, at test time, never at run time (where regexes are compiled
    // when first needed, and a refused one would silently never match).
    const GitleaksRules &gitleaks = GitleaksRules::embedded();
    for (const auto &refused : gitleaks.refused())
        QFAIL((refused.id + ": " + refused.reason).c_str());
    for (const auto &skipped : gitleaks.skipped) {
        const bool onPurpose = skipped.id == "generic-api-key" || skipped.reason.starts_with("Tassel's ")
            || skipped.reason.starts_with("matches file paths");
        QVERIFY2(onPurpose, (skipped.id + ": " + skipped.reason).c_str());
    }
    // Each adopted rule is a secret kind of its own (adobe-client-id, adobe-client-secret); the
    // vendors are the ids' first words.
    std::set<std::string> vendors;
    for (const GitleaksRule &rule : gitleaks.rules)
        vendors.insert(rule.id.substr(0, rule.id.find('-')));
    qInfo("%zu rules adopted (gitleaks.toml, tassel-rules.toml), %zu left out, %zu vendors",
        gitleaks.rules.size(), gitleaks.skipped.size(), vendors.size());
    QVERIFY2(gitleaks.rules.size() >= 150, std::to_string(gitleaks.rules.size()).c_str());
}

void TestSecretScanner::gitleaksRules_data()
{
    QTest::addColumn<std::string>("sample"); // matches the rule's regex, beside one of its keywords
    QTest::addColumn<std::string>("kinds"); // the rule id, and the kinds of rules that also claim the value
    const SecretScanner tasselOnly {GitleaksRules {}};
    const auto &rules = GitleaksRules::embedded().rules;
    unsigned seed = 1000;
    for (const GitleaksRule &rule : rules) {
        std::string sample = gitleaksSample(rule, seed);
        seed += 100;
        std::string lowerSample = sample;
        std::transform(lowerSample.begin(), lowerSample.end(), lowerSample.begin(),
            [](unsigned char c) { return char(std::tolower(c)); });
        // gitleaks' own examples name the service next to the token (doppler_api_token = ...).
        if (!rule.keywords.empty()
            && std::none_of(rule.keywords.begin(), rule.keywords.end(),
                [&](const std::string &keyword) { return lowerSample.find(keyword) != std::string::npos; }))
            sample = rule.keywords.front() + " " + sample;
        std::string kinds = rule.id + ",";
        for (const SecretSpan &span : tasselOnly.scanText(sample)) {
            if (span.kind != "generic-secret" && span.kind != "url-credentials" && span.kind != "url-token"
                && span.kind != "bearer-token")
                kinds += span.kind + ","; // a Tassel token rule is more specific
        }
        for (const GitleaksRule &other : rules) {
            if (&other != &rule && RE2::PartialMatch(sample, *other.compiled.get()))
                kinds += other.id + ","; // e.g. bittrex-access-key and -secret-key share a regex
        }
        QTest::addRow("%s", rule.id.c_str()) << sample << kinds;
    }
}

void TestSecretScanner::gitleaksRules()
{
    QFETCH(std::string, sample);
    QFETCH(std::string, kinds);
    // The sample is as short as the rule's regex allows: no match is skipped as too short.
    QVERIFY(sample.size() >= GitleaksRules::kShortestMatch);
    const json stream = {{"output_type", "stream"}, {"name", "stdout"}, {"text", sample + "\n"}};
    const json cell = codeCell(sample, json::array({stream}), json {{"config", sample}});
    const Notebook notebook = load(notebookWith(json::array({cell})));
    std::set<std::string> foundIn;
    std::string found;
    for (const Finding &finding : m_scanner.scan(notebook)) {
        found += finding.location + ":" + finding.secretKind + " ";
        QVERIFY(finding.message.find(finding.maskedPreview) != std::string::npos);
        if (kinds.find(finding.secretKind + ",") != std::string::npos)
            foundIn.insert(finding.location);
    }
    const std::set<std::string> everywhere {"source", "output", "metadata"};
    QVERIFY2(foundIn == everywhere, (sample + " -> " + found).c_str());
    // The rule's own kind where no other rule claims the value.
    if (std::count(kinds.begin(), kinds.end(), ',') == 1)
        QVERIFY2(
            found.find(":" + kinds.substr(0, kinds.size() - 1) + " ") != std::string::npos, found.c_str());
}

void TestSecretScanner::gitleaksFalsePositives_data()
{
    QTest::addColumn<std::string>("rule");
    QTest::addColumn<std::string>("text");
    // gitleaks' documented false positives (the plain-string `fps` of its rule sources, written by
    // core/analysis/gitleaks/update.sh), for the rules Tassel adopts.
    QFile file(QStringLiteral(TASSEL_TEST_DATA_DIR "/gitleaks/false-positives.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json byRule = json::parse(file.readAll().toStdString());
    std::set<std::string> adopted;
    for (const GitleaksRule &rule : GitleaksRules::embedded().rules)
        adopted.insert(rule.id);
    for (const auto &[rule, texts] : byRule.items()) {
        if (!adopted.contains(rule))
            continue;
        for (std::size_t i = 0; i < texts.size(); ++i)
            QTest::addRow("%s %zu", rule.c_str(), i + 1) << rule << texts[i].get<std::string>();
    }
}

void TestSecretScanner::gitleaksFalsePositives()
{
    QFETCH(std::string, rule);
    QFETCH(std::string, text);
    for (const TextKind kind : {TextKind::Code, TextKind::Prose}) {
        for (const SecretSpan &span : m_scanner.scanText(text, kind))
            QVERIFY2(span.kind != rule, text.c_str());
    }
}

void TestSecretScanner::gitleaksAllowlists_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("found");
    // A rule of our own in gitleaks' format, using every part of it Tassel honours.
    const std::string token = randomText(24, kAlnum, 40);
    QTest::addRow("matched") << cat({"acmecorp = acme_", token}) << true;
    QTest::addRow("keyword in another case") << cat({"ACMECORP = acme_", token}) << true;
    QTest::addRow("no keyword, no run") << cat({"key = acme_", token}) << false;
    QTest::addRow("stopword in the secret") << cat({"acmecorp: acme_", token.substr(0, 20), "Fake"}) << false;
    QTest::addRow("allowlist regex on the match")
        << cat({"acmecorp: acme_", token.substr(0, 17), "EXAMPLE"}) << false;
    QTest::addRow("allowlist regex on the line")
        << cat({"acmecorp: acme_", token, " # in the docs"}) << false;
    QTest::addRow("global allowlist stopword")
        << cat({"acmecorp: acme_", token.substr(0, 18), "global"}) << false;
    QTest::addRow("AND allowlist needs both")
        << cat({"acmecorp: acme_", token.substr(0, 20), "Both"}) << true;
    QTest::addRow("AND allowlist with both")
        << cat({"acmecorp: acme_", token.substr(0, 16), "BothDemo"}) << false;
    QTest::addRow("entropy too low") << cat({"acmecorp: acme_", std::string(12, 'a'), std::string(12, 'b')})
                                     << false;
    QTest::addRow("tassel allow comment")
        << cat({"acmecorp = acme_", token, "  # tassel: allow-secret"}) << false;
    QTest::addRow("keyword far before the secret")
        << cat({"acmecorp", std::string(2000, ' '), "x = acme_", token}) << false;
}

void TestSecretScanner::gitleaksAllowlists()
{
    QFETCH(std::string, text);
    QFETCH(bool, found);
    const std::string config = R"toml(
[allowlist]
stopwords = ["global"]
paths = ['''x''']

[[rules]]
id = "acme-key"
description = "Acme key"
regex = '''\b(acme_[a-zA-Z0-9]{24})\b'''
entropy = 2.0
keywords = ["AcmeCorp"]
[[rules.allowlists]]
regexTarget = "match"
regexes = ['''EXAMPLE''']
stopwords = ["fake"]
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''in the docs''']
[[rules.allowlists]]
condition = "AND"
regexes = ['''Both''']
stopwords = ["demo"]
[[rules.allowlists]]
condition = "AND"
regexes = ['''.''']
paths = ['''tests/''']
)toml";
    const auto rules = GitleaksRules::parse(config, "acme.toml");
    QVERIFY2(rules.ok(), rules.ok() ? "" : rules.error().toString().c_str());
    QCOMPARE(rules->rules.size(), std::size_t(1));
    // The path-bound AND allowlist cannot apply to a notebook: it is dropped, not applied.
    QCOMPARE(rules->rules.front().allowlists.size(), std::size_t(3));
    const SecretScanner scanner(*rules);
    QCOMPARE(kindsOf(scanner.scanText(text)), std::string(found ? "acme-key" : ""));
}

void TestSecretScanner::gitleaksOverlaps_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("kinds");
    // gitleaks documents these as not a Telegram token: the bot id has 5 to 16 digits.
    const std::string botSecret = cat({":A", randomText(34, kUrlSafe, 41)});
    QTest::addRow("telegram bot id too short")
        << cat({"telegram_bot = \"", randomText(4, "123456789", 42), botSecret, "\""}) << std::string();
    QTest::addRow("telegram bot id too long")
        << cat({"telegram_bot = \"", randomText(17, "123456789", 43), botSecret, "\""}) << std::string();
    QTest::addRow("telegram bot token")
        << cat({"telegram_bot = \"", randomText(9, "123456789", 44), botSecret, "\""})
        << std::string("telegram-bot-api-token");
    // One value, two rules: the vendor rule names it, not Tassel's keyword rule.
    QTest::addRow("vendor rule over the keyword rule")
        << cat({"adafruit_api_key = \"", randomText(32, kHex, 45), "\""}) << std::string("adafruit-api-key");
    QTest::addRow("tassel token rule over a covered gitleaks family")
        << cat({"token = '", "gh", "p_", randomText(36, kAlnum, 46), "'"}) << std::string("github-token");
    // Heroku's keys are UUIDs: a vendor rule keeps them although free-form values do not.
    QTest::addRow("heroku key") << cat(
        {"HEROKU_API_KEY = '", randomText(8, kHex, 47), "-", randomText(4, kHex, 48), "-",
            randomText(4, kHex, 49), "-", randomText(4, kHex, 50), "-", randomText(12, kHex, 51), "'"})
                                << std::string("heroku-api-key");
    // Inside an inline image's base64 nothing is reported, whatever the keywords there.
    QTest::addRow("vendor shape inside a data uri") << cat({"<img src=\"data:image/png;base64,",
        randomText(200, kBase64, 52), "adafruit=", randomText(32, kHex, 53), "\">"})
                                                    << std::string();
    // Keywords are not looked for deep inside base64 runs of 4 KiB or more; near their ends and
    // around them they are.
    const std::string payload = randomText(6000, kBase64, 54);
    QTest::addRow("vendor token on the line after a long payload run") << cat(
        {"<img src=\"data:image/png;base64,", payload, "\">\nadafruit_api_key = \"", randomText(32, kHex, 55),
            "\""}) << std::string("adafruit-api-key");
    QTest::addRow("vendor token beside long payload runs on one line")
        << cat({payload, " adafruit: ", randomText(32, kHex, 56), " ", randomText(5000, kAlnum, 57)})
        << std::string("adafruit-api-key");
    QTest::addRow("vendor keyword ending a long payload run")
        << cat({randomText(6000, kAlnum, 58), "adafruit = \"", randomText(32, kHex, 59), "\""})
        << std::string("adafruit-api-key");
}

void TestSecretScanner::gitleaksOverlaps()
{
    QFETCH(std::string, text);
    QFETCH(std::string, kinds);
    QCOMPARE(kindsOf(m_scanner.scanText(text)), kinds);
}

void TestSecretScanner::tasselRuleFile()
{
    // Tassel's own rules in gitleaks' format, read on their own: every rule adopted, each one a
    // vendor neither gitleaks nor Tassel's token rules name, prefiltered by keywords and held to
    // an entropy threshold, and each loaded into the embedded set after gitleaks' rules.
    const auto resource = [](const char *name) {
        QFile file(QStringLiteral(":/tassel/gitleaks/") + QLatin1String(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
    };
    const auto own = GitleaksRules::parse(resource("tassel-rules.toml"), "tassel-rules.toml");
    QVERIFY2(own.ok(), own.ok() ? "" : own.error().toString().c_str());
    QVERIFY(!own->rules.empty());
    for (const auto &skipped : own->skipped)
        QFAIL((skipped.id + ": " + skipped.reason).c_str());
    const auto upstream = GitleaksRules::parse(resource("gitleaks.toml"), "gitleaks.toml");
    QVERIFY(upstream.ok());
    // The first words of Tassel's own token kinds (secretscanner.cpp) and of gitleaks' rule ids.
    std::set<std::string> taken {"private", "putty", "aws", "google", "gcp", "azure", "github", "gitlab",
        "slack", "anthropic", "openai", "huggingface", "stripe", "twilio", "sendgrid", "pypi", "databricks",
        "jwt", "url", "bearer", "generic"};
    for (const GitleaksRule &rule : upstream->rules)
        taken.insert(vendorOf(rule.id));
    for (const auto &skipped : upstream->skipped)
        taken.insert(vendorOf(skipped.id));
    std::set<std::string> embedded;
    for (const GitleaksRule &rule : GitleaksRules::embedded().rules)
        embedded.insert(rule.id);
    std::set<std::string> found;
    std::set<std::string> missed;
    for (const TasselRuleRow &row : tasselRuleRows())
        (row.found ? found : missed).insert(row.rule);
    for (const GitleaksRule &rule : own->rules) {
        QVERIFY2(!taken.contains(vendorOf(rule.id)), rule.id.c_str());
        QVERIFY2(!rule.keywords.empty() && rule.entropy > 0, rule.id.c_str());
        QVERIFY2(embedded.contains(rule.id), rule.id.c_str());
        QVERIFY2(found.contains(rule.id) && missed.contains(rule.id), rule.id.c_str());
    }
}

void TestSecretScanner::vendorFamilies()
{
    // Issue #23 asks for at least 150 vendor families: the first words of the adopted rule ids
    // (gitleaks' and Tassel's rules in gitleaks' format) and of the gitleaks families Tassel's
    // own token rules cover, without the kinds that name no vendor.
    const GitleaksRules &rules = GitleaksRules::embedded();
    std::set<std::string> vendors;
    for (const GitleaksRule &rule : rules.rules)
        vendors.insert(vendorOf(rule.id));
    for (const auto &skipped : rules.skipped) {
        if (skipped.reason.starts_with("Tassel's "))
            vendors.insert(vendorOf(skipped.id));
    }
    for (const char *shape : {"curl", "jwt", "private", "age", "pkcs12", "generic"})
        vendors.erase(shape);
    qInfo("%zu vendor families", vendors.size());
    QVERIFY2(vendors.size() >= 150, std::to_string(vendors.size()).c_str());
}

void TestSecretScanner::tasselRules_data()
{
    QTest::addColumn<std::string>("rule");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("found");
    for (const TasselRuleRow &row : tasselRuleRows())
        QTest::addRow("%s", row.name.c_str()) << row.rule << row.text << row.found;
}

void TestSecretScanner::tasselRules()
{
    QFETCH(std::string, rule);
    QFETCH(std::string, text);
    QFETCH(bool, found);
    const json stream = {{"output_type", "stream"}, {"name", "stdout"}, {"text", text + "\n"}};
    const json cell = codeCell(text, json::array({stream}), json {{"config", text}});
    std::set<std::string> foundIn;
    std::string all;
    for (const Finding &finding : m_scanner.scan(load(notebookWith(json::array({cell}))))) {
        all += finding.location + ":" + finding.secretKind + " ";
        if (finding.secretKind == rule)
            foundIn.insert(finding.location);
    }
    const std::set<std::string> expected
        = found ? std::set<std::string> {"source", "output", "metadata"} : std::set<std::string> {};
    QVERIFY2(foundIn == expected, all.c_str());
    for (const Finding &finding : m_scanner.scan(load(notebookWith(json::array({cell})))))
        if (finding.secretKind == rule)
            QVERIFY2(finding.message.find("gitleaks'") == std::string::npos, finding.message.c_str());
}

void TestSecretScanner::gitleaksRefused_data()
{
    QTest::addColumn<std::string>("rule"); // the body of one [[rules]] table
    QTest::addColumn<std::string>("refused"); // "id: reason start", or empty
    const std::string acme = "regex = '''(acme_[a-z]{8})'''\nkeywords = ['acme']\n";
    QTest::addRow("valid rule") << "id = 'ok'\n" + acme << std::string();
    QTest::addRow("look-ahead RE2 does not have")
        << std::string("id = 'ahead'\nregex = '''acme_(?=[a-z]{8})'''\nkeywords = ['acme']\n")
        << std::string("ahead: RE2 refuses its regex");
    QTest::addRow("secretGroup beyond the regex's groups")
        << "id = 'group'\nsecretGroup = 2\n" + acme << std::string("group: secretGroup names a group");
    QTest::addRow("allowlist regex RE2 refuses")
        << "id = 'allow'\n" + acme + "[[rules.allowlists]]\nregexes = ['''(?<!x)y''']\n"
        << std::string("allow: RE2 refuses an allowlist regex");
}

void TestSecretScanner::gitleaksRefused()
{
    QFETCH(std::string, rule);
    QFETCH(std::string, refused);
    // Regexes compile when first needed; refused() compiles them all. A refused rule is still
    // read but never matches, and nothing fails at scan time.
    const auto rules = GitleaksRules::parse("[[rules]]\n" + rule, "refused.toml");
    QVERIFY2(rules.ok(), rules.ok() ? "" : rules.error().toString().c_str());
    QCOMPARE(rules->rules.size(), std::size_t(1));
    const SecretScanner scanner(*rules);
    const auto spans = scanner.scanText("acme = acme_qzkwrtmp");
    std::string found;
    for (const auto &skipped : rules->refused())
        found += skipped.id + ": " + skipped.reason;
    QVERIFY2(refused.empty() ? found.empty() : found.starts_with(refused), found.c_str());
    // A refused allowlist regex allows nothing; the rule itself still finds its secret.
    const bool matches = refused.empty() || refused.starts_with("allow");
    QCOMPARE(kindsOf(spans), matches ? rules->rules.front().id : std::string());
}

void TestSecretScanner::gitleaksLoad()
{
    // The loader reads any file in gitleaks' format, from a resource or from disk.
    const auto embedded = GitleaksRules::load(GitleaksRules::embeddedFiles());
    QVERIFY2(embedded.ok(), embedded.ok() ? "" : embedded.error().toString().c_str());
    QCOMPARE(embedded->rules.size(), GitleaksRules::embedded().rules.size());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("extra.toml")).toStdString();
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[[rules]]\nid = 'acme'\nregex = '''(acme_[a-z]{8})'''\nkeywords = ['acme']\n");
    file.close();
    const auto extra = GitleaksRules::load(path);
    QVERIFY2(extra.ok(), extra.ok() ? "" : extra.error().toString().c_str());
    QCOMPARE(extra->rules.size(), std::size_t(1));
    const auto missing = GitleaksRules::load(path + ".missing");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, std::string("unreadable-file"));
}

void TestSecretScanner::gitleaksConcurrentFirstUse()
{
    // Regexes compile when first needed and SecretScanner::shared() serves QtConcurrent workers,
    // so several threads may need one regex first at once: each must see it compiled, once.
    // Fresh rules, so none is compiled yet; one line per adopted rule, each beside a keyword.
    const auto rules = GitleaksRules::load(GitleaksRules::embeddedFiles());
    QVERIFY(rules.ok());
    std::string text;
    unsigned seed = 1000;
    for (const GitleaksRule &rule : GitleaksRules::embedded().rules) {
        const std::string keyword = rule.keywords.empty() ? std::string() : rule.keywords.front();
        text += keyword + " " + gitleaksSample(rule, seed) + "\n\n";
        seed += 100;
    }
    const std::string expected = kindsOf(m_scanner.scanText(text));
    QVERIFY(!expected.empty());
    const SecretScanner scanner(*rules);
    std::vector<std::string> found(4);
    std::vector<std::thread> threads;
    for (std::string &kinds : found)
        threads.emplace_back([&] { kinds = kindsOf(scanner.scanText(text)); });
    for (std::thread &thread : threads)
        thread.join();
    for (const std::string &kinds : found)
        QCOMPARE(kinds, expected);
}

void TestSecretScanner::keywordTails_data()
{
    QTest::addColumn<std::string>("regex");
    QTest::addColumn<std::string>("keywords"); // comma-separated
    // "keyword:minimum,minimum" for each keyword ("minimum~within>bytes" for a tail that reaches
    // one of those bytes through at most `within` optional bytes); "-": no check.
    QTest::addColumn<std::string>("tails");
    // The regexes of gitleaks' vault-service-token, lob-api-key and authress-service-client-access-key.
    QTest::addRow("token prefixes in alternatives")
        << std::string(R"(\b((?:hvs\.[\w-]{90,120}|s\.(?i:[a-z0-9]{24})))(?:[\x60'"\s;]|\\[nr]|$))")
        << std::string("hvs.,s.") << std::string("hvs.:90 s.:90,24");
    QTest::addRow("keyword across a group of plain alternatives")
        << std::string(
               R"((?i)[\w.-]{0,50}?(?:lob)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,))"
               R"([\x60'"\s=]{0,5}((live|test)_[a-f0-9]{35})(?:[\x60'"\s;]|\\[nr]|$))")
        << std::string("test_,live_") << std::string("test_:35 live_:35");
    QTest::addRow("a flag between keyword and class")
        << std::string(R"(\b((?:sc|ext|scauth|authress)_(?i)[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.(?-i:acc)[_-])"
                       R"([a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120})(?:[\x60'"\s;]|\\[nr]|$))")
        << std::string("sc_,ext_,scauth_,authress_") << std::string("sc_:5 ext_:5 scauth_:5 authress_:5");
    QTest::addRow("keyword inside a longer literal")
        << std::string(R"(acme_key_([a-z]{8}))") << std::string("acme") << std::string("acme:1");
    QTest::addRow("optional tail after the keyword")
        << std::string(R"((?i)(?:linear)(?:[ \t\w.-]{0,20})=([a-f0-9]{32}))") << std::string("linear")
        << std::string("linear:0~20>=");
    QTest::addRow("gitleaks' generated form: optional name and quotes, then an assignment")
        << std::string(
               R"((?i)[\w.-]{0,50}?(?:linear)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,))"
               R"([\x60'"\s=]{0,5}([a-f0-9]{32})(?:[\x60'"\s;]|\\[nr]|$))")
        << std::string("linear") << std::string("linear:0~23>,:=>?|");
    QTest::addRow("unbounded optional part") << std::string(R"((?:acme)[a-z]*=([a-f0-9]{32}))")
                                             << std::string("acme") << std::string("acme:0~*>=");
    QTest::addRow("optional part up to the regex's end")
        << std::string(R"((?:acme)[a-z]{0,4})") << std::string("acme") << std::string("acme:-");
    QTest::addRow("keyword ends the regex")
        << std::string(R"(([0-9]{8}_acme))") << std::string("acme") << std::string("acme:-");
    QTest::addRow("optional keyword: a match need not hold it")
        << std::string(R"((?:acme_)?([a-z0-9]{32}))") << std::string("acme_") << std::string("acme_:-");
    QTest::addRow("keyword in one branch only")
        << std::string(R"((?:acme_[a-z]{8}|[0-9]{12}))") << std::string("acme_") << std::string("acme_:-");
    QTest::addRow("syntax the reader does not know")
        << std::string(R"(acme_\pL{8})") << std::string("acme_") << std::string("acme_:-");
    QTest::addRow("repeat count beyond what RE2 allows")
        << std::string(R"(acme_[a-z]{99999999999999999999999})") << std::string("acme_")
        << std::string("acme_:-");
    QTest::addRow("one keyword with a fixed tail, one reaching a byte")
        << std::string(R"((?:acme_[a-z]{8}|beta(?:[0-9]{0,3})x))") << std::string("acme_,beta")
        << std::string("acme_:8 beta:0~3>Xx");
}

void TestSecretScanner::keywordTails()
{
    QFETCH(std::string, regex);
    QFETCH(std::string, keywords);
    QFETCH(std::string, tails);
    std::vector<std::string> list;
    for (const QByteArray &keyword : QByteArray::fromStdString(keywords).split(','))
        list.push_back(keyword.toStdString());
    const auto found = tassel::keywordTails(regex, list);
    QCOMPARE(found.size(), list.size());
    std::string described;
    for (std::size_t k = 0; k < list.size(); ++k) {
        std::string minimums;
        for (const KeywordTail &tail : found[k]) {
            minimums += (minimums.empty() ? "" : ",") + std::to_string(tail.minimum);
            if (tail.reaches.none())
                continue;
            // "~within>bytes": at most `within` bytes of the scope, then one of the bytes.
            minimums += "~"
                + (tail.within == std::size_t(-1) ? std::string("*") : std::to_string(tail.within)) + ">";
            for (int c = 0; c < 256; ++c) {
                if (tail.reaches[std::size_t(c)])
                    minimums += char(c);
            }
        }
        described += (k == 0 ? "" : " ") + list[k] + ":" + (minimums.empty() ? "-" : minimums);
    }
    QCOMPARE(described, tails);
}

void TestSecretScanner::keywordTailHits_data()
{
    QTest::addColumn<bool>("embedded"); // gitleaks' rules as Tassel has them, or the acme rule below
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("kinds");
    const std::string lowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789";
    const std::string token = randomText(24, lowerDigits, 700);
    QTest::addRow("token right after the keyword at the text's end")
        << false << cat({"x = s.", token}) << std::string("acme-token");
    QTest::addRow("tail one byte short") << false << cat({"x = s.", token.substr(1)}) << std::string();
    QTest::addRow("keyword as the last bytes") << false << std::string("y = frame.s.") << std::string();
    QTest::addRow("short tail before a token on the next line")
        << false << cat({"y = self.s.read()\nz = s.", token, "\n"}) << std::string("acme-token");
    QTest::addRow("vault service token")
        << true << cat({"VAULT_TOKEN = '", "s", ".", randomText(24, kAlnum, 701), "'"})
        << std::string("vault-service-token");
    QTest::addRow("vault token with the hvs prefix")
        << true << cat({"client.token = \"", "hv", "s.", randomText(95, kUrlSafe, 702), "\""})
        << std::string("vault-service-token");
    QTest::addRow("vault keyword followed by code")
        << true << std::string("df = pandas.read_csv('items.csv')\nplt.savefig(path)") << std::string();
}

void TestSecretScanner::keywordTailHits()
{
    QFETCH(bool, embedded);
    QFETCH(std::string, text);
    QFETCH(std::string, kinds);
    const auto acme = GitleaksRules::parse(
        R"toml(
[[rules]]
id = 'acme-token'
regex = '''\b(s\.[a-z0-9]{24})(?:['"\s]|$)'''
keywords = ['s.']
)toml",
        "acme.toml");
    QVERIFY2(acme.ok(), acme.ok() ? "" : acme.error().toString().c_str());
    const SecretScanner own(*acme);
    const SecretScanner &scanner = embedded ? m_scanner : own;
    QCOMPARE(kindsOf(scanner.scanText(text)), kinds);
}

void TestSecretScanner::keyedMetadata_data()
{
    QTest::addColumn<std::string>("key");
    QTest::addColumn<std::string>("value");
    QTest::addColumn<std::string>("kinds");
    // A metadata value is also read as `key = "value"`: a vendor named only in the key, or a
    // vendor keyword only in the value, still wakes gitleaks' rule.
    QTest::addRow("vendor keyword in the key only")
        << std::string("adafruit_key") << randomText(32, kHex, 710) << std::string("adafruit-api-key");
    QTest::addRow("vendor keyword in the value, vendor name in the key")
        << std::string("lob") << cat({"test", "_", randomText(35, kHex, 711)}) << std::string("lob-api-key");
    QTest::addRow("no keyword anywhere")
        << std::string("colour") << randomText(32, kHex, 712) << std::string();
}

void TestSecretScanner::keyedMetadata()
{
    QFETCH(std::string, key);
    QFETCH(std::string, value);
    QFETCH(std::string, kinds);
    const Notebook notebook
        = load(notebookWith(json::array({codeCell("x", json::array(), json {{key, value}})})));
    std::string found;
    for (const Finding &finding : m_scanner.scan(notebook))
        found += (found.empty() ? "" : ",") + finding.secretKind;
    QCOMPARE(found, kinds);
}

void TestSecretScanner::ownRulesHoldTheirKeywords_data()
{
    // A rule of Tassel's runs only on texts holding one of its keywords (followed by its tail, if
    // it gives one), so every match must hold one: samples written from the regex (alternatives
    // drawn at random), names with each secret word, URLs with user information.
    QTest::addColumn<int>("rule"); // index in SecretScanner::ownRules()
    QTest::addColumn<std::string>("text");
    const std::vector<std::string> names
        = {"password", "passwd", "db_pwd", "client_secret", "hf_token", "api_key", "apikey", "aws_access_key",
            "accesskey", "auth_key", "authkey", "private_key", "privatekey", "credentials", "credential"};
    const std::string value = "Qx7" + std::string(12, 'k') + "9Zr";
    const std::vector<std::string> urls = {"postgresql://analyst:" + value + "@db.internal:5432/sales",
        "https://" + value + value + "@github.com/team/repo.git", "redis://:" + value + "@cache:6379/0",
        "see ftp://a.example/x then smtp://mail:" + value + "@mx.example"};
    const auto rules = SecretScanner::ownRules();
    for (int index = 0; index < int(rules.size()); ++index) {
        const SecretScanner::OwnRule &rule = rules[std::size_t(index)];
        const RE2 re(rule.rule.regex);
        auto add = [&](const std::string &name, const std::string &text) {
            if (RE2::PartialMatch(text, re)) // rows only where the rule matches
                QTest::addRow("%d %s %s", index, rule.kind.c_str(), name.c_str()) << index << text;
        };
        for (unsigned seed = 0; seed < 24; ++seed) {
            add("sample " + std::to_string(seed),
                RegexSample::generate(
                    rule.rule.regex, seed * 7 + unsigned(index), RegexSample::Alternatives::Any));
        }
        for (const std::string &name : names) {
            add(name + " quoted", name + " = \"" + value + "\"");
            add(name + " pair", "(\"" + name + "\", \"" + value + "\")");
            add(name + " bare", name + "=" + value);
            add(name + " flag", "--" + name + " " + value);
            add(name + " env", "%env " + name + " " + value);
        }
        for (std::size_t u = 0; u < urls.size(); ++u)
            add("url " + std::to_string(u), urls[u]);
    }
}

void TestSecretScanner::ownRulesHoldTheirKeywords()
{
    QFETCH(int, rule);
    QFETCH(std::string, text);
    const CompanionRule companion = SecretScanner::ownRules().at(std::size_t(rule)).rule;
    QVERIFY(!companion.keywords.empty());
    re2::StringPiece piece;
    QVERIFY(RE2::PartialMatch(text, "(" + companion.regex + ")", &piece));
    const std::string_view match(piece.data(), piece.size());
    std::string lower(match);
    std::transform(
        lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    bool held = false;
    for (const std::string &keyword : companion.keywords) {
        for (std::size_t at = lower.find(keyword); at != std::string::npos && !held;
             at = lower.find(keyword, at + 1))
            held = !companion.tail
                || companion.tail->heldBy(
                    text, std::size_t(match.data() - text.data()) + at + keyword.size());
    }
    QVERIFY2(held, ("no keyword (with its tail) in the match: " + lower).c_str());
}

void TestSecretScanner::reachingTails_data()
{
    // What follows "linear" in a text, and whether linear-client-secret's regex could match there.
    QTest::addColumn<std::string>("after");
    QTest::addColumn<bool>("held");
    QTest::addColumn<bool>("cut"); // the text ends before the check can tell
    QTest::addRow("assignment") << std::string("_secret = 'x'") << true << false;
    QTest::addRow("quoted key") << std::string("_client_secret\": \"x\"") << true << false;
    QTest::addRow("arrow") << std::string(" => x") << true << false;
    QTest::addRow("comma after a word") << std::string(" model, then") << true << false;
    QTest::addRow("class name") << std::string("Regression()") << false << false;
    QTest::addRow("prose") << std::string(" regression of the data (mean)") << false << false;
    QTest::addRow("assignment beyond the optional bytes")
        << std::string(std::size_t(24), ' ') + "=" << false << false;
    QTest::addRow("assignment at the last optional byte")
        << std::string(std::size_t(23), ' ') + "=" << true << false;
    // A metadata value read as `key = "value"` gets more bytes: such a hit is searched again.
    QTest::addRow("text ends") << std::string(" secret") << false << true;
    QTest::addRow("text ends right after the keyword") << std::string() << false << true;
}

void TestSecretScanner::reachingTails()
{
    QFETCH(std::string, after);
    QFETCH(bool, held);
    QFETCH(bool, cut);
    const auto &rules = GitleaksRules::embedded().rules;
    const auto rule = std::find_if(
        rules.begin(), rules.end(), [](const GitleaksRule &r) { return r.id == "linear-client-secret"; });
    QVERIFY(rule != rules.end());
    const auto tails = tassel::keywordTails(rule->regex, rule->keywords);
    QCOMPARE(tails.size(), std::size_t(1));
    QCOMPARE(tails[0].size(), std::size_t(1));
    const std::string text = "linear" + after;
    QCOMPARE(tails[0][0].heldBy(text, 6), held);
    QCOMPARE(tails[0][0].check(text, 6) == KeywordTail::Verdict::Cut, cut);
    // The tail check may only spare searches that find nothing.
    if (!held) {
        const std::string line = "x" + text + "0123456789abcdef0123456789abcdef\n";
        QVERIFY(!RE2::PartialMatch(line, *rule->compiled.get()));
    }
}

QTEST_GUILESS_MAIN(TestSecretScanner)
#include "tst_secretscanner.moc"
