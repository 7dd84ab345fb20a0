#include "clients/cli/intake_prompts.h"

#include <array>
#include <iostream>
#include <optional>
#include <string>

#include "clients/cli/cli_context.h"
#include "clients/cli/output.h"

namespace corebalance::cli {
namespace {

struct OdiSectionText {
  const char* title;
  std::array<const char*, 6> answers;
};

// Paraphrased ODI v2.1a sections, answers scored 0..5.
constexpr std::array<OdiSectionText, 10> kOdi = {{
    {"Pain intensity",
     {"no pain at the moment", "very mild pain", "moderate pain",
      "fairly severe pain", "very severe pain", "worst pain imaginable"}},
    {"Personal care (washing, dressing)",
     {"normal, no extra pain", "normal, but painful",
      "painful, slow and careful", "need some help",
      "need help every day with most of it",
      "cannot dress; wash with difficulty, stay in bed"}},
    {"Lifting",
     {"heavy weights, no extra pain", "heavy weights, with extra pain",
      "heavy only from a table, not the floor",
      "light to medium only if well placed", "only very light weights",
      "cannot lift or carry anything"}},
    {"Walking",
     {"any distance", "not more than about a mile",
      "not more than about half a mile", "not more than about 100 yards",
      "only with a stick or crutches", "mostly in bed, crawl to the toilet"}},
    {"Sitting",
     {"any chair, as long as I like", "my favourite chair, as long as I like",
      "not more than 1 hour", "not more than 30 minutes",
      "not more than 10 minutes", "cannot sit at all"}},
    {"Standing",
     {"as long as I like, no extra pain", "as long as I like, with extra pain",
      "not more than 1 hour", "not more than 30 minutes",
      "not more than 10 minutes", "cannot stand at all"}},
    {"Sleeping",
     {"never disturbed by pain", "occasionally disturbed", "less than 6 hours",
      "less than 4 hours", "less than 2 hours", "cannot sleep at all"}},
    {"Sex life (if applicable)",
     {"normal, no extra pain", "normal, some extra pain",
      "nearly normal, very painful", "severely restricted", "nearly absent",
      "prevented by pain"}},
    {"Social life",
     {"normal, no extra pain", "normal, more pain",
      "limits energetic interests only", "restricted, go out less",
      "restricted to home", "no social life"}},
    {"Travelling",
     {"anywhere without pain", "anywhere, with extra pain",
      "bad, but journeys over 2 hours", "restricted to journeys under 1 hour",
      "restricted to short necessary journeys", "only to receive treatment"}},
}};

// Paraphrased Keele STarT Back items 1..8 (agree / disagree).
constexpr std::array<const char*, 8> kStartBack = {
    "My back pain has spread down my leg(s) at some time in the last 2 weeks",
    "I have had pain in the shoulder or neck at some time in the last 2 weeks",
    "I have only walked short distances because of my back pain",
    "In the last 2 weeks, I have dressed more slowly than usual because of "
    "back pain",
    "It's not really safe for a person like me to be physically active",
    "Worrying thoughts have been going through my mind a lot of the time",
    "I feel that my back pain is terrible and it's never going to get any "
    "better",
    "In general I have not enjoyed all the things I used to enjoy",
};

constexpr std::array<const char*, 5> kBothersome = {
    "not at all", "slightly", "moderately", "very much", "extremely"};

struct RedFlagText {
  v1::RedFlag flag;
  const char* text;
};

constexpr std::array<RedFlagText, 15> kRedFlags = {{
    {v1::RED_FLAG_SADDLE_ANAESTHESIA,
     "Saddle anaesthesia (numbness around the seat area)"},
    {v1::RED_FLAG_BLADDER_DYSFUNCTION,
     "New bladder dysfunction (retention or incontinence)"},
    {v1::RED_FLAG_BOWEL_INCONTINENCE, "Bowel incontinence"},
    {v1::RED_FLAG_PROGRESSIVE_NEUROLOGICAL_DEFICIT,
     "Severe or progressive neurological deficit in the legs"},
    {v1::RED_FLAG_MAJOR_TRAUMA, "Major trauma"},
    {v1::RED_FLAG_MINOR_TRAUMA_OLDER_OR_OSTEOPOROTIC,
     "Minor trauma or strenuous lifting, older or osteoporotic patient"},
    {v1::RED_FLAG_LONG_TERM_CORTICOSTEROIDS, "Long-term corticosteroid use"},
    {v1::RED_FLAG_HISTORY_OF_CANCER, "History of cancer"},
    {v1::RED_FLAG_UNEXPLAINED_WEIGHT_LOSS, "Unexplained weight loss"},
    {v1::RED_FLAG_FEVER_OR_CHILLS, "Fever or chills"},
    {v1::RED_FLAG_INFECTION_RISK,
     "Recent bacterial infection, IV drug use or immunosuppression"},
    {v1::RED_FLAG_NIGHT_PAIN, "Pain worse lying down or severe at night"},
    {v1::RED_FLAG_AGE_OVER_50_OR_UNDER_20_NEW_PAIN,
     "Age over 50 or under 20 with new pain"},
    {v1::RED_FLAG_INFLAMMATORY_DISEASE,
     "Inflammatory disease (e.g. spondyloarthritis)"},
    {v1::RED_FLAG_STRUCTURAL_DEFORMITY, "Structural deformity"},
}};

class Prompter {
 public:
  Prompter(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  // A whole number in [low, high]; nullopt for a blank answer when optional.
  std::optional<int> Number(const std::string& question, int low, int high,
                            bool optional) {
    while (true) {
      const std::string answer = Line(question);
      if (answer.empty() && optional) return std::nullopt;
      try {
        size_t used = 0;
        const int value = std::stoi(answer, &used);
        if (used == answer.size() && value >= low && value <= high)
          return value;
      } catch (const std::exception&) {
      }
      out_ << "  Please enter a whole number from " << low << " to " << high
           << (optional ? " (or press Enter to skip)" : "") << ".\n";
    }
  }

  bool YesNo(const std::string& question) {
    while (true) {
      const std::string answer = Line(question + " [y/N]");
      if (answer.empty() || answer == "n" || answer == "N" || answer == "no") {
        return false;
      }
      if (answer == "y" || answer == "Y" || answer == "yes") return true;
      out_ << "  Please answer y or n.\n";
    }
  }

  std::string Line(const std::string& question) {
    out_ << question << ": " << std::flush;
    std::string line;
    if (!std::getline(in_, line)) {
      out_ << "\n";
      throw CliError(kExitUsage,
                     "intake cancelled: input ended before all "
                     "questions were answered; nothing was saved");
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.pop_back();
    }
    return line;
  }

  std::ostream& out() { return out_; }

 private:
  std::istream& in_;
  std::ostream& out_;
};

}  // namespace

void PromptAssessment(std::istream& in, std::ostream& out, v1::Assessment& a) {
  Prompter p(in, out);
  out << Colour("Pain", "bold") << "\n";
  if (auto weeks =
          p.Number("How many weeks has the pain lasted? (Enter to skip)", 0,
                   5200, a.kind() != v1::Assessment::KIND_INITIAL)) {
    a.set_pain_duration_weeks(*weeks);
  }
  a.set_nprs_now(
      *p.Number("Pain now, 0 (none) to 10 (worst imaginable)", 0, 10, false));
  if (auto best = p.Number("Best pain in the last week, 0-10 (Enter to skip)",
                           0, 10, true)) {
    a.set_nprs_best(*best);
  }
  if (auto worst = p.Number("Worst pain in the last week, 0-10 (Enter to skip)",
                            0, 10, true)) {
    a.set_nprs_worst(*worst);
  }

  out << "\n"
      << Colour("Oswestry Disability Index (ODI 2.1a)", "bold")
      << ": pick the statement that fits best today.\n";
  for (size_t i = 0; i < kOdi.size(); ++i) {
    out << "\nSection " << i + 1 << " of 10: " << kOdi[i].title << "\n";
    for (int k = 0; k < 6; ++k)
      out << "  " << k << "  " << kOdi[i].answers[k] << "\n";
    v1::OdiSection* section = a.add_odi_sections();
    if (auto score =
            p.Number("Answer 0-5 (Enter if not answered)", 0, 5, true)) {
      section->set_score(*score);
    }
  }

  out << "\n"
      << Colour("Keele STarT Back", "bold")
      << ": thinking about the last 2 weeks.\n";
  for (size_t i = 0; i < kStartBack.size(); ++i) {
    a.add_start_back_answers(
        p.YesNo(std::to_string(i + 1) + ". " + kStartBack[i] + ". Agree?") ? 1
                                                                           : 0);
  }
  out << "9. Overall, how bothersome has your back pain been in the last 2 "
         "weeks?\n";
  for (int k = 0; k < 5; ++k)
    out << "  " << k << "  " << kBothersome[k] << "\n";
  a.add_start_back_answers(*p.Number("Answer 0-4", 0, 4, false));

  out << "\n"
      << Colour("Red flags", "bold")
      << ": is any of these present? (any one refers the patient out)\n";
  for (const RedFlagText& flag : kRedFlags) {
    if (p.YesNo(std::string("  ") + flag.text)) a.add_red_flags(flag.flag);
  }

  out << "\n";
  if (auto walking =
          p.Number("Walking minutes per day (Enter to skip)", 0, 1440, true)) {
    a.set_walking_minutes_per_day(*walking);
  }
  a.set_notes(p.Line("Notes (Enter for none)"));
}

}  // namespace corebalance::cli
