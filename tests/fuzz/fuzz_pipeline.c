/* fuzz_pipeline.c - libFuzzer over the whole pipeline in memory: the
 * input is a report; it is parsed, checked, laid out with the default
 * template and rendered to PDF bytes that are thrown away. Any crash,
 * hang, leak or sanitizer report is a bug; every one found becomes a
 * file in tests/bad. Built and run by `make fuzz`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "enc.h"
#include "layout.h"
#include "parse.h"
#include "render.h"
#include "style.h"

static arena *template_arena;
static style_template *template;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    diag_set_stream(fopen("/dev/null", "w"));
    template_arena = arena_new();
    template = style_load("templates/default.xml", template_arena);
    if (!template) {
        fputs("fuzz_pipeline: run from the repository's root\n", stderr);
        exit(2);
    }
    /* what lives for the whole run is made now, so that the leak check
     * of each input sees only that input's memory */
    for (int f = 0; f < template->nfamilies; f++)
        for (int k = 0; k < FACE_COUNT; k++)
            style_face(template, f, k);
    enc_pick("\xC5\x82", 2);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    diag_reset();
    model_doc *doc = parse_memory((const char *)data, size, "fuzz.xml", a);
    if (doc && check_run(doc) == 0) {
        layout_stats st;
        dl_doc *d = layout_run(doc, template, a, &st);
        if (d) {
            render_options ro = { 0 };
            render_size(d, &ro);
        }
    }
    arena_free(a);
    return 0;
}
