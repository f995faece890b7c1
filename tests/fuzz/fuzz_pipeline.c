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

static const char *const names[] = { "default", "committee", "annual-report" };
#define NTEMPLATES (sizeof names / sizeof names[0])

static arena *template_arena;
static style_template *templates[NTEMPLATES];
static const char *report_name = "build/fuzz-seeds/reports/fuzz.xml";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *name = getenv("FUZZ_REPORT");
    if (name && *name)
        report_name = name;
    diag_set_stream(fopen("/dev/null", "w"));
    template_arena = arena_new();
    for (size_t i = 0; i < NTEMPLATES; i++) {
        char path[64];
        snprintf(path, sizeof path, "templates/%s.xml", names[i]);
        templates[i] = style_load(path, template_arena);
        if (!templates[i]) {
            fputs("fuzz_pipeline: run from the repository's root\n", stderr);
            exit(2);
        }
        /* what lives for the whole run is made now, so that the leak
         * check of each input sees only that input's memory */
        for (int f = 0; f < templates[i]->nfamilies; f++)
            for (int k = 0; k < FACE_COUNT; k++)
                style_face(templates[i], f, k);
    }
    enc_pick("\xC5\x82", 2);
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

/* What layout accepted without an error, the PDF library must take:
 * otherwise the author gets "PDF library error 0x...", not a located
 * message (a broken promise, like a crash). */
static void refused(const dl_doc *d, const render_options *ro)
{
    /* once more, to hear what render says */
    char *said = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&said, &len);
    if (m) {
        diag_set_stream(m);
        render_size(d, ro);
        fclose(m);
    }
    char *last = said && len ? said + len - 1 : NULL;
    while (last && last > said && last[-1] != '\n')
        last--;
    fprintf(stderr, "fuzz_pipeline: laid out without an error, but the PDF library refused it: %s",
            last ? last : "(nothing said)\n");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    diag_reset();
    model_doc *doc = parse_memory((const char *)data, size, report_name, a);
    if (doc && check_run(doc) == 0 && diag_errors() == 0) {
        layout_stats st;
        dl_doc *d = layout_run(doc, template_for(doc), a, &st);
        if (d && diag_errors() == 0) {
            render_options ro = { 0 };
            if (render_size(d, &ro) < 0)
                refused(d, &ro);
        }
    }
    arena_free(a);
    return 0;
}
