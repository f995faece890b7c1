/* file.c - opening the files a run reads, and vetting the one it writes.
 *
 * A file is resolved first and opened by its resolved name, so the file
 * checked is the file opened: realpath, the folder rule on the result,
 * stat (a non-regular file is never opened: opening a pipe waits for a
 * writer, opening some devices acts), then open with O_NOFOLLOW and
 * O_NONBLOCK, and fstat to confirm the same regular file was opened.
 */
#define _XOPEN_SOURCE 700            /* realpath */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

static int say(char *why, size_t whylen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Fills why and returns -1, so that failures read "return say(...)". */
static int say(char *why, size_t whylen, const char *fmt, ...)
{
    if (why && whylen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, whylen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

static file_identity id_of(const struct stat *st)
{
    return (file_identity){ (unsigned long long)st->st_dev, (unsigned long long)st->st_ino };
}

/* Whether the resolved path real lies in folder (or is folder itself,
 * which then is reported as the directory it is). Nothing lies in "",
 * the folder that could not be resolved. */
static int inside(const char *real, const char *folder)
{
    size_t n = strlen(folder);
    if (n == 0)
        return 0;
    if (folder[n - 1] == '/')
        return strncmp(real, folder, n) == 0;       /* the root holds everything */
    return strncmp(real, folder, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

int file_open(file_handle *h, const char *path, const char *folder, char *why, size_t whylen)
{
    h->fd = -1;
    char real[PATH_MAX];
    struct stat st, opened;
    if (!realpath(path, real))
        return say(why, whylen, "cannot be read: %s", strerror(errno));
    if (stat(real, &st) != 0)
        return say(why, whylen, "cannot be read: %s", strerror(errno));
    if (folder && !inside(real, folder))
        return say(why, whylen, "is outside the report's folder: it leads to '%s' "
                   "(--allow-outside-paths allows it)", real);
    if (!S_ISREG(st.st_mode))
        return say(why, whylen, "is %s, not a file", kind_of(st.st_mode));
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return say(why, whylen, "cannot be read: %s", strerror(errno));
    if (fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || !file_same(id_of(&st), id_of(&opened))) {
        close(fd);
        return say(why, whylen, "changed while it was being opened");
    }
    h->fd = fd;
    h->id = id_of(&opened);
    h->size = (long long)opened.st_size;
    return 0;
}

void file_close(file_handle *h)
{
    if (h->fd >= 0)
        close(h->fd);
    h->fd = -1;
}

static int too_large(char *why, size_t whylen, size_t max)
{
    if (max >= 1 << 20)
        return say(why, whylen, "is larger than %zu MB", max >> 20);
    return say(why, whylen, "is larger than %zu bytes", max);
}

unsigned char *file_take(file_handle *h, size_t max, size_t *len, char *why, size_t whylen)
{
    if (h->size < 0 || (unsigned long long)h->size > max) {
        too_large(why, whylen, max);
        file_close(h);
        return NULL;
    }
    /* room for one byte more than the limit, to see a file that grew */
    size_t cap = (size_t)h->size + 2, n = 0;
    unsigned char *buf = mem_alloc(cap, 1);
    for (;;) {
        if (n + 1 >= cap)
            buf = mem_grow(buf, &cap, cap + 1, 1);
        ssize_t got = read(h->fd, buf + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            say(why, whylen, "cannot be read: %s", strerror(errno));
            break;
        }
        if (got == 0) {
            file_close(h);
            buf[n] = '\0';
            *len = n;
            return buf;
        }
        n += (size_t)got;
        if (n > max) {
            too_large(why, whylen, max);
            break;
        }
    }
    file_close(h);
    free(buf);
    return NULL;
}

unsigned char *file_read(const char *path, const char *folder, size_t max, size_t *len,
                         file_identity *id, char *why, size_t whylen)
{
    file_handle h;
    if (file_open(&h, path, folder, why, whylen) != 0)
        return NULL;
    if (id)
        *id = h.id;
    return file_take(&h, max, len, why, whylen);
}

int file_check(const char *path, const char *folder, char *why, size_t whylen)
{
    file_handle h;
    if (file_open(&h, path, folder, why, whylen) != 0)
        return -1;
    file_close(&h);
    return 0;
}

const char *file_folder(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dir = !slash ? "." : slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path));
    char real[PATH_MAX];
    return realpath(dir, real) ? arena_strdup(a, real) : "";
}

int file_identify(const char *path, file_identity *id)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    *id = id_of(&st);
    return 0;
}

int file_same(file_identity a, file_identity b)
{
    return a.dev == b.dev && a.ino == b.ino;
}

int file_output_ok(const char *path, const file_identity *inputs, const char *const *what, int n,
                   char *why, size_t whylen)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0;                   /* nothing there yet: a new file */
    if (S_ISLNK(st.st_mode))
        return say(why, whylen, "is a symbolic link; write the PDF to the file it leads to, or to a new file");
    if (!S_ISREG(st.st_mode))
        return say(why, whylen, "is %s, which a PDF must not replace", kind_of(st.st_mode));
    for (int i = 0; i < n; i++)
        if (file_same(id_of(&st), inputs[i]))
            return say(why, whylen, "is %s itself, which the PDF would replace", what[i]);
    return 0;
}
