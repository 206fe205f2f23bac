/* Writes buffers that exercise string quoting: every byte value, long
 * strings, embedded NULs and escapes.  Output goes to /dev/null. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char all[256];
	char longbuf[200];
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0)
		return 1;
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	memset(longbuf, 'a', sizeof(longbuf));
	for (int off = 0; off < 256; off += 16)
		if (write(fd, all + off, 16) < 0)
			return 1;
	if (write(fd, longbuf, sizeof(longbuf)) < 0 ||
	    write(fd, "tab\there \"quoted\" back\\slash\n", 29) < 0 ||
	    write(fd, "\0001\0012\1773", 6) < 0 ||
	    write(fd, "", 0) < 0)
		return 1;
	close(fd);
	return 0;
}
