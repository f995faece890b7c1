/* test_file.c - files a run reads are regular files, inside their folder
 * wherever links lead, known by identity; the output is never a link,
 * device, pipe or an input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "file.h"

/* A scratch folder: in/ (the report's folder) and out/, with files. */
static char root[64];

static const char *at(const char *name)
{
    static char path[4][128];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", root, name);
    return path[k];
}

static void put(const char *name, const char *text)
{
    FILE *f = fopen(at(name), "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static int make_scratch(void)
{
    snprintf(root, sizeof root, "/tmp/bp-unit-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    mkdir(at("in"), 0755);
    mkdir(at("out"), 0755);
    put("in/a.txt", "hello");
    put("out/secret.txt", "secret");
    mkfifo(at("in/pipe"), 0644);
    mkdir(at("in/sub"), 0755);
    return symlink("a.txt", at("in/near")) | symlink("../out/secret.txt", at("in/far"));
}

static void remove_scratch(void)
{
    static const char *const names[] = { "in/a.txt", "out/secret.txt", "in/pipe", "in/near", "in/far",
                                         "out/o.pdf", "out/link.pdf" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(at(names[i]));
    rmdir(at("in/sub"));
    rmdir(at("in"));
    rmdir(at("out"));
    rmdir(root);
}

void test_file_kinds(void)
{
    CHECK(make_scratch() == 0);
    arena *a = arena_new();
    const char *folder = file_folder(a, at("in/a.txt"));
    char why[FILE_WHY_MAX];
    size_t len = 0;
    file_identity id;
    unsigned char *b = file_read(at("in/a.txt"), folder, 100, &len, &id, why, sizeof why);
    CHECK(b && len == 5 && strcmp((char *)b, "hello") == 0);
    free(b);
    CHECK(file_check(at("in/near"), folder, why, sizeof why) == 0);     /* a link that stays inside */
    CHECK(file_check(at("in/far"), folder, why, sizeof why) != 0);      /* a link that leads out */
    CHECK(strstr(why, "is outside the report's folder: it leads to '") && strstr(why, "/out/secret.txt'"));
    CHECK(file_check(at("in/far"), NULL, why, sizeof why) == 0);        /* anywhere allowed */
    CHECK(file_check(at("in/pipe"), NULL, why, sizeof why) != 0);
    CHECK_STR(why, "is a named pipe (FIFO), not a file");
    CHECK(file_check(at("in/sub"), folder, why, sizeof why) != 0);
    CHECK_STR(why, "is a directory, not a file");
    CHECK(file_check(at("in/none"), folder, why, sizeof why) != 0);
    CHECK_STR(why, "cannot be read: No such file or directory");
    CHECK(file_check("/dev/null", NULL, why, sizeof why) != 0);
    CHECK_STR(why, "is a character device, not a file");
    CHECK(file_read(at("in/a.txt"), folder, 4, &len, NULL, why, sizeof why) == NULL);
    CHECK_STR(why, "is larger than 4 bytes");
    CHECK_STR(file_folder(a, "/"), "/");
    arena_free(a);
    remove_scratch();
}

void test_file_identity(void)
{
    CHECK(make_scratch() == 0);
    file_identity x, y, z;
    CHECK(file_identify(at("in/a.txt"), &x) == 0);
    CHECK(file_identify(at("in/sub/../././a.txt"), &y) == 0);
    CHECK(file_identify(at("in/near"), &z) == 0);
    CHECK(file_same(x, y) && file_same(x, z));
    CHECK(file_identify(at("out/secret.txt"), &y) == 0);
    CHECK(!file_same(x, y));
    remove_scratch();
}

void test_file_output(void)
{
    CHECK(make_scratch() == 0);
    char why[FILE_WHY_MAX];
    file_identity report;
    const char *what[] = { "the report" };
    CHECK(file_identify(at("in/a.txt"), &report) == 0);
    CHECK(file_output_ok(at("out/o.pdf"), &report, what, 1, why, sizeof why) == 0);    /* new */
    put("out/o.pdf", "old");
    CHECK(file_output_ok(at("out/o.pdf"), &report, what, 1, why, sizeof why) == 0);    /* plain */
    CHECK(file_output_ok(at("in/a.txt"), &report, what, 1, why, sizeof why) != 0);
    CHECK_STR(why, "is the report itself, which the PDF would replace");
    CHECK(symlink("o.pdf", at("out/link.pdf")) == 0);
    CHECK(file_output_ok(at("out/link.pdf"), NULL, NULL, 0, why, sizeof why) != 0);
    CHECK(strncmp(why, "is a symbolic link", 18) == 0);
    CHECK(file_output_ok(at("in/pipe"), NULL, NULL, 0, why, sizeof why) != 0);
    CHECK_STR(why, "is a named pipe (FIFO), which a PDF must not replace");
    CHECK(file_output_ok("/dev/null", NULL, NULL, 0, why, sizeof why) != 0);
    CHECK(file_output_ok(at("in"), NULL, NULL, 0, why, sizeof why) != 0);
    CHECK_STR(why, "is a directory, which a PDF must not replace");
    remove_scratch();
}
