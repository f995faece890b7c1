/* file.h - opening the files a run reads, and vetting the one it writes.
 *
 * Every file a run reads goes through here: the report, the pictures and
 * template it names, and the fonts, hyphenation patterns and colour
 * profile a template names. A path is resolved with every symbolic link
 * followed (realpath); a file that must lie in the report's folder is
 * checked to lie there after that, so a link inside the folder that
 * leads out of it is refused like "../x", while one that stays inside is
 * fine. Only a regular file is opened: a directory, named pipe, device
 * or socket is reported as what it is and never opened, so a pipe cannot
 * block a run and a device cannot be read from. The file's size is
 * checked before it is read. Failures are sentences for the author.
 */
#ifndef BP_FILE_H
#define BP_FILE_H

#include <stddef.h>

#include "arena.h"

/* A file's identity (device and inode): two paths name the same file
 * exactly when their identities are equal. */
typedef struct file_identity {
    unsigned long long dev, ino;
} file_identity;

/* An opened regular file. */
typedef struct file_handle {
    int fd;                         /* -1 once closed */
    file_identity id;
    long long size;                 /* when opened */
} file_handle;

/* Room enough for any sentence this module writes about a path. */
#define FILE_WHY_MAX 4200

/* Opens path for reading. folder, unless NULL, is the real path of the
 * folder the file must lie in (file_folder). Returns 0, or -1 with why
 * holding what follows the file's name in a message: "cannot be read: No
 * such file or directory", "is a named pipe (FIFO), not a file", "is
 * outside the report's folder: it leads to '/etc/passwd'". */
int file_open(file_handle *h, const char *path, const char *folder, char *why, size_t whylen);

/* Reads h from its start to its end, at most max bytes, and closes it.
 * Returns the bytes (with a NUL after them; free with free()) and their
 * number in *len, or NULL with why ("is larger than 32 MB"). */
unsigned char *file_take(file_handle *h, size_t max, size_t *len, char *why, size_t whylen);

/* Closes h (nothing when it is closed already). */
void file_close(file_handle *h);

/* file_open and file_take in one; id (may be NULL) gets the file's
 * identity. */
unsigned char *file_read(const char *path, const char *folder, size_t max, size_t *len,
                         file_identity *id, char *why, size_t whylen);

/* Whether path could be read (file_open, then closed): 0, or -1 with why. */
int file_check(const char *path, const char *folder, char *why, size_t whylen);

/* The real path of the folder holding path (arena-allocated), or ""
 * when it cannot be resolved, in which no file lies. */
const char *file_folder(arena *a, const char *path);

/* The identity of the file at path, links followed: 0, or -1. */
int file_identify(const char *path, file_identity *id);

int file_same(file_identity a, file_identity b);

/* Whether the PDF may be written to path, which is done by renaming a
 * new file over it: path must not exist, or be a plain file (not a
 * symbolic link, directory, device, pipe or socket) and none of the n
 * files in inputs, which what[i] names ("the report"). Returns 0, or -1
 * with why ("is a symbolic link", "is the report itself"). */
int file_output_ok(const char *path, const file_identity *inputs, const char *const *what, int n,
                   char *why, size_t whylen);

#endif
