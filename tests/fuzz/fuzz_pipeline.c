/* fuzz_pipeline.c - libFuzzer over the whole pipeline in memory: the
 * input is a report; it is parsed, checked, laid out with the template
 * its template= attribute names (default, committee or annual-report;
 * default otherwise) and rendered to PDF bytes that are thrown away, as
 * `boardpress render` would. Any crash, hang, leak or sanitizer report is
 * a bug. Built and run by `make fuzz`.
 *
 * The input is named build/fuzz-seeds/reports/fuzz.xml (FUZZ_REPORT
 * overrides it), so that the pictures the generated seeds name,
 * images/NAME, are found in build/fuzz-seeds/reports/images: run from the
 * repository's root after `make fuzz-seeds`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "enc.h"
#include "layout.h"
#include "parse.h"
#include "render.h"
#include "style.h"
#include "template.h"
#include "refused.h"
#include "xml_mutator.h"

static const char *const names[] = { "default", "committee", "annual-report" };
#define NTEMPLATES (sizeof names / sizeof names[0])

/* Messages go nowhere: the fuzzer wants crashes, not words. setup's
 * context lives for the run; each input has its own. */
static FILE *quiet;
static diag *setup;
static arena *template_arena;
static style_template *templates[NTEMPLATES];
static const char *report_name = "build/fuzz-seeds/reports/fuzz.xml";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

/* What the structure-aware mutator (xml_mutator.c) puts in attributes
 * and texts: the edges of each attribute's type, as the schema allows
 * them (positiveInteger is unbounded) and a little past. */
#define INTS "1", "2", "3", "9", "10", "26", "27", "99", "100", "3999", "4000", "65536", \
    "2147483646", "2147483647", "2147483648", "4294967296", "9223372036854775807", \
    "9223372036854775808", "18446744073709551616", "999999999999999999999999"
static const char *const ints[] = { INTS, "0", "-1", NULL };
static const char *const lengths[] = { "4mm", "1mm", "0.1mm", "0", "-5mm", "1pt", "0.01pt", "60", "40mm",
    "2.5cm", "1in", "1%", "25%", "100%", "150%", "1000%", "0%", "1e308", "1e308mm", "4.9e-324", "nan",
    "inf", "-inf", "1e999", "abc", "", "  30 mm", NULL };
static const char *const numbers[] = { "auto", "none", "1", "7", "0", "3a", "", "2147483647",
    "2147483648", "9223372036854775807", "-1", "Appendix A", "{1}", "%s%n", NULL };
static const char *const types[] = { "bullet", "arabic", "roman", "alpha", "none", "bar",
    "grouped-bar", "stacked-bar", "line", "pie", NULL };
static const char *const kinds[] = { "subtotal", "total", "heading", "income", "expenditure",
    "story", "case-study", "summary", "annual-report", "committee-report", NULL };
static const char *const aligns[] = { "left", "center", "right", "justify", NULL };
static const char *const columns[] = { "2", "2 3", "1", "2,3,4,5,6,7,8,9", "9 9 9 9 9 9 9 9 9",
    "0", "-1", "2147483647", "99", NULL };
static const char *const rows[] = { "1-5", "1", "3", "0-0", "5-1", "1-2147483647", "2147483647",
    "-1", "1-", "x", NULL };
static const char *const labels[] = { "1.1", "3.1.17", "(iv)", "", "\xe2\x80\x94",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
    "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "1.2.3.4.5.6.7.8.9.10.11.12.13", NULL };
static const char *const images[] = { "images/band.jpg", "images/logo-rgba.png", "images/teal-16bit.png",
    "images/progressive.jpg", "images/cmyk.jpg", "images/grey1-interlaced.png",
    "images/palette4-trns.png", "images/rgba16-interlaced.png", "images/tall.png", "images/wide.png",
    "images/chunks.png", "images/one-pixel.png", "images/nowhere.png", "../images/band.jpg", NULL };
static const char *const dates[] = { "2013-06-30", "0001-01-01", "9999-12-31", "2000-02-29",
    "2011-10-19Z", "-0044-03-15", "10000-01-01", NULL };
static const char *const yesno[] = { "yes", "no", "columns", "rows", "beside", "below", "number",
    "title", "page", "full", "auto", "full", NULL };
static const xml_values report_values[] = {
    { "start", ints }, { "colspan", ints }, { "rowspan", ints }, { "width", lengths },
    { "number", numbers }, { "type", types }, { "kind", kinds }, { "align", aligns },
    { "columns", columns }, { "rows", rows }, { "label", labels }, { "src", images },
    { "iso", dates }, { "layout", yesno }, { "outcome", yesno }, { "memo", yesno },
    { "show", yesno }, { "values", yesno }, { "empty", labels }, { "value", labels },
    { "x-label", labels }, { "y-label", labels }, { "running-head", labels }, { "chair", labels },
    { "template", (const char *const[]){ "default", "committee", "annual-report", NULL } },
    { "id", labels }, { "to", labels }, { "reports-to", labels }, { "data", labels },
    { "href", (const char *const[]){ "https://www.example.org/", "mailto:a@b.c", "#top", "", NULL } },
    { NULL, NULL },
};
static const char *const report_texts[] = {
    "999999999999999.9999", "-999999999999999.9999", "922337203685477.5808", "0.0001", "1e15",
    "4.9e-324 1e15 -1e15 0 7e-310", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    "a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|Q|R|S|T|U|V|W|X|Y|Z|0|1|2|3|4|5|6|7|8|9|+|-",
    "", " ", "|", "x", "\xc2\xad", "\xc2\xa0", "\xe4\xb8\xad\xe6\x96\x87", "\xc5\xb5\xc5\xb7 Nguy\xe1\xbb\x85n",
    "https://www.example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious"
    "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious"
    "Supercalifragilisticexpialidocious" "Supercalifragilisticexpialidocious",
    "inter\xc2\xadnational\xc2\xadisation\xc2\xadinter\xc2\xadnational\xc2\xadisation",
    "The Board's partners agreed the multi-agency safeguarding arrangements for children and young "
    "people in the county, and the independent chair presented the annual report to the committee.",
    NULL,
};

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    return xml_mutate(data, size, max_size, seed, report_values, report_texts);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *name = getenv("FUZZ_REPORT");
    if (name && *name)
        report_name = name;
    quiet = fopen("/dev/null", "w");
    setup = diag_new(quiet, 0);
    template_arena = arena_new();
    for (size_t i = 0; i < NTEMPLATES; i++) {
        char path[64];
        snprintf(path, sizeof path, "templates/%s.xml", names[i]);
        templates[i] = template_load(path, template_arena, setup);
        if (!templates[i]) {
            fputs("fuzz_pipeline: run from the repository's root\n", stderr);
            exit(2);
        }
        /* what lives for the whole run is made now, so that the leak
         * check of each input sees only that input's memory */
        for (int f = 0; f < templates[i]->nfamilies; f++)
            for (int k = 0; k < FACE_COUNT; k++)
                style_face(templates[i], f, k, setup);
    }
    return 0;
}

/* The template the report asks for by name; the default otherwise (a
 * template file named by path is not read: that is fuzz_template's). */
static style_template *template_for(const model_doc *doc)
{
    const char *named = model_attr_get(doc->root, "template");
    for (size_t i = 0; named && i < NTEMPLATES; i++)
        if (strcmp(named, names[i]) == 0)
            return templates[i];
    return templates[0];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    diag *dg = diag_new(quiet, 0);
    model_doc *doc = parse_memory((const char *)data, size, report_name, a, dg);
    if (doc && check_run(doc, dg) == 0 && diag_errors(dg) == 0) {
        layout_stats st;
        dl_doc *d = layout_run(doc, template_for(doc), a, &st, dg);
        if (d && diag_errors(dg) == 0) {
            render_options ro = { 0 };
            if (render_size(d, &ro, dg) < 0)
                refused("fuzz_pipeline", d, &ro);
        }
    }
    diag_free(dg);
    arena_free(a);
    return 0;
}
