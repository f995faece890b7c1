/* fuzz_template.c - libFuzzer over template reading: the input is a
 * template (a report may name its own, from its folder). template_parse()
 * reads it as templates/fuzz.xml, so that its font paths resolve as the
 * supplied templates' do; a template it accepts then lays out and renders
 * tests/fuzz/template-report.xml, which holds one of everything a
 * template styles, since a template is only as safe as the layout it
 * drives (as PDF/A, with the template's colour profile, when the input's
 * length is odd). FUZZ_TEMPLATE_PARSE_ONLY=1 stops after reading. Any crash,
 * hang, leak or sanitizer report is a bug. Built and run by
 * `make fuzz FUZZ_TARGET=template`, from the repository's root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "enc.h"
#include "font.h"
#include "layout.h"
#include "parse.h"
#include "render.h"
#include "style.h"
#include "template.h"
#include "refused.h"
#include "xml_mutator.h"

#define REPORT "tests/fuzz/template-report.xml"

/* Messages go nowhere: the fuzzer wants crashes, not words. setup's
 * context lives for the run; each input has its own. */
static FILE *quiet;
static diag *setup;
static arena *report_arena;
static model_doc *report;
static int parse_only;

/* Fonts are read once for the whole run (reading them for every input
 * would be most of the time, and each leak check must see only that
 * input's memory): the faces a template names are taken from here. */
#define MAX_FONTS 32
static struct {
    char *path;
    font *f;
} fonts[MAX_FONTS];
static int nfonts;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

/* What the structure-aware mutator (xml_mutator.c) puts in a template's
 * attributes and texts: lengths, numbers, colours and formats at the
 * edges of what the template reader accepts, and a little past. */
static const char *const lengths[] = { "0", "0pt", "0.01pt", "1pt", "36pt", "72pt", "14400pt", "14401pt",
    "1e308", "1e9mm", "-5mm", "-1e308", "nan", "inf", "4.9e-324", "210mm", "297mm", "25mm", "1in",
    "2.5cm", "500pt", "11pt", "1e-9pt", "pt", "", NULL };
static const char *const counts[] = { "0", "1", "2", "6", "7", "1000", "1001", "-1", "2147483647", "", NULL };
static const char *const ratios[] = { "0", "0.3", "0.29", "1", "1.01", "0.0001", "1e308", "nan", "-0",
    "10000", NULL };
static const char *const colours[] = { "#000000", "#ffffff", "#fff", "#ffffffff", "none", "#gggggg", "", NULL };
static const char *const formats[] = { "{n}", "{n}{n}{n}{n}", "{1}.{2}.{3}.{4}.{5}.{6}.{7}", "{0}", "{",
    "}", "{99999999999}", "{1:i}", "{1:A}", "{n:z}", "%s%n", "", "{page} of {pages}", "{title}{board}",
    "{chapter}{running-head}{number}{to}{chair}{later}", "X" "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "|", "||||", NULL };
static const char *const flags[] = { "yes", "no", "left", "right", "center", "justify", "above", "inline",
    "lower-roman", "upper-roman", "continuous", "number", "title", "page", "full", "", NULL };
static const char *const files[] = { "../fonts/LiberationSans-Regular.ttf", "../fonts/LiberationSerif-Bold.ttf",
    "/usr/share/hyphen/hyph_en_GB.dic", "/usr/share/color/icc/colord/sRGB.icc", "default.xml", "/dev/null",
    "nowhere.ttf", "", NULL };
static const xml_values template_values[] = {
    { "width", lengths }, { "height", lengths }, { "margin-top", lengths }, { "margin-bottom", lengths },
    { "margin-left", lengths }, { "margin-right", lengths }, { "size", lengths }, { "leading", lengths },
    { "space-before", lengths }, { "space-after", lengths }, { "indent-left", lengths },
    { "indent-right", lengths }, { "first-indent", lengths }, { "rule-below", lengths },
    { "bar-left", lengths }, { "bar-gap", lengths }, { "label-indent", lengths }, { "indent", lengths },
    { "label-gap", lengths }, { "padding-x", lengths }, { "padding-y", lengths },
    { "padding-x-min", lengths }, { "rule", lengths }, { "frame", lengths }, { "number-width", lengths },
    { "gap", lengths }, { "rise", lengths }, { "padding", lengths }, { "gap-x", lengths },
    { "gap-y", lengths }, { "box-max", lengths }, { "line", lengths }, { "axis", lengths },
    { "grid", lengths }, { "outline", lengths }, { "marker", lengths }, { "tick", lengths },
    { "hatch-step", lengths }, { "hatch-width", lengths }, { "offset", lengths }, { "rule-gap", lengths },
    { "top", lengths }, { "logo", lengths },
    { "widows", counts }, { "orphans", counts }, { "heading-keep", counts }, { "max-hyphen-run", counts },
    { "left", counts }, { "right", counts }, { "depth", counts }, { "decimals", counts }, { "level", counts },
    { "space-stretch", ratios }, { "space-shrink", ratios }, { "ragged-stretch", ratios },
    { "pretolerance", ratios }, { "tolerance", ratios }, { "line-penalty", ratios },
    { "hyphen-penalty", ratios }, { "flagged-demerits", ratios }, { "fitness-demerits", ratios },
    { "min-scale", ratios }, { "bar-width", ratios },
    { "color", colours }, { "rule-color", colours }, { "bar-color", colours }, { "head-fill", colours },
    { "total-fill", colours }, { "stripe-fill", colours }, { "line-color", colours }, { "fill", colours },
    { "axis-color", colours }, { "grid-color", colours }, { "value-fill", colours },
    { "palette", (const char *const[]){ "#000000", "#000000|#ffffff|#123456|#abcdef|#000000|#ffffff|#123456|#abcdef|#000000", "", "|", NULL } },
    { "number", formats }, { "labels", formats }, { "label", formats }, { "separator", formats },
    { "format", formats }, { "negative", formats }, { "thousands", formats }, { "decimal", formats },
    { "full", formats }, { "text", formats }, { "left", formats }, { "center", formats },
    { "chair", formats }, { "message-title", formats }, { "priority-label", formats }, { "leader", formats },
    { "columns", formats }, { "widths", (const char *const[]){ "1|1|98", "100|100|100", "0|50|50", "33", "nan|1|1", NULL } },
    { "align", flags }, { "label-align", flags }, { "numeric-align", flags }, { "bold", flags },
    { "italic", flags }, { "uppercase", flags }, { "hyphenate", flags }, { "keep-with-next", flags },
    { "page-break-before", flags }, { "numbered", flags }, { "grid", flags }, { "first-page", flags },
    { "front", flags }, { "show", flags },
    { "regular", files }, { "bold", files }, { "italic", files }, { "bold-italic", files },
    { "patterns", files }, { "profile", files },
    { NULL, NULL },
};
static const char *const template_texts[] = { "", " ", "x", NULL };

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    return xml_mutate(data, size, max_size, seed, template_values, template_texts);
}

/* libhyphen leaks what it read when patterns= names a file that is not
 * a pattern file (tests/fuzz/found/index says so once); its leaks would
 * otherwise stop every run at the first such template. */
const char *__lsan_default_suppressions(void)
{
    return "leak:libhyphen.so\n";
}

static font *cached(const char *path)
{
    for (int i = 0; i < nfonts; i++)
        if (strcmp(fonts[i].path, path) == 0)
            return fonts[i].f;
    return NULL;
}

static int is_cached(const font *f)
{
    for (int i = 0; i < nfonts; i++)
        if (fonts[i].f == f)
            return 1;
    return 0;
}

static void cache(const char *path)
{
    char err[200];
    if (nfonts == MAX_FONTS || cached(path))
        return;
    font *f = font_load(path, err, sizeof err);
    if (!f)
        return;
    fonts[nfonts].path = strdup(path);
    fonts[nfonts].f = f;
    nfonts++;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *only = getenv("FUZZ_TEMPLATE_PARSE_ONLY");
    parse_only = only && *only && strcmp(only, "0") != 0;
    quiet = fopen("/dev/null", "w");
    setup = diag_new(quiet, 0);
    report_arena = arena_new();
    report = parse_file(REPORT, report_arena, setup);
    if (!report) {
        fputs("fuzz_template: cannot read " REPORT "; run from the repository's root\n", stderr);
        exit(2);
    }
    report->allow_outside = 1;     /* its pictures are tests/good's */
    if (check_run(report, setup) != 0) {
        fputs("fuzz_template: " REPORT " does not pass check\n", stderr);
        exit(2);
    }
    /* the supplied templates' fonts, as a fuzzed template reaches them */
    static const char *const supplied[] = { "default", "committee", "annual-report" };
    for (size_t i = 0; i < sizeof supplied / sizeof *supplied; i++) {
        char path[64];
        snprintf(path, sizeof path, "templates/%s.xml", supplied[i]);
        arena *a = arena_new();
        style_template *t = template_load(path, a, setup);
        for (int f = 0; t && f < t->nfamilies; f++)
            for (int k = 0; k < FACE_COUNT; k++)
                cache(t->families[f].path[k]);
        style_release(t);
        arena_free(a);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    diag *dg = diag_new(quiet, 0);
    style_template *t = template_parse((const char *)data, size, "templates/fuzz.xml", a, dg);
    if (t && !parse_only) {
        for (int f = 0; f < t->nfamilies; f++)
            for (int k = 0; k < FACE_COUNT; k++)
                if (!t->families[f].face[k])
                    t->families[f].face[k] = cached(t->families[f].path[k]);
        layout_stats st;
        dl_doc *d = layout_run(report, t, a, &st, dg);
        if (d && diag_errors(dg) == 0) {
            /* PDF/A too (the template's colour profile) for inputs of odd
             * length; a profile that is not there is a located error */
            int pdfa = (size & 1) && t->pdfa_profile && access(t->pdfa_profile, R_OK) == 0;
            render_options ro = { pdfa, t->pdfa_profile, t->pdfa_condition };
            if (render_size(d, &ro, dg) < 0)
                refused("fuzz_template", d, &ro);
        }
        for (int f = 0; f < t->nfamilies; f++)
            for (int k = 0; k < FACE_COUNT; k++)
                if (is_cached(t->families[f].face[k]))
                    t->families[f].face[k] = NULL;
    }
    style_release(t);
    diag_free(dg);
    arena_free(a);
    return 0;
}
