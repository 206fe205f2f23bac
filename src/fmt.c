#include "config.h"
#include "fmt.h"

#include <string.h>

/* Digits are produced from the end of a scratch buffer, then moved to
 * the front of buf. */
static size_t emit(char *buf, const char *start, const char *end)
{
	size_t len = (size_t)(end - start);

	memmove(buf, start, len);
	buf[len] = '\0';
	return len;
}

size_t fmt_udec(char *buf, unsigned long long v)
{
	char tmp[FMT_INT_SIZE];
	char *p = tmp + sizeof(tmp);

	if (v < 10) {
		buf[0] = (char)('0' + v);
		buf[1] = '\0';
		return 1;
	}
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return emit(buf, p, tmp + sizeof(tmp));
}

size_t fmt_dec(char *buf, long long v)
{
	if (v >= 0)
		return fmt_udec(buf, (unsigned long long)v);
	buf[0] = '-';
	/* the negation in unsigned arithmetic also covers LLONG_MIN */
	return 1 + fmt_udec(buf + 1, 0ULL - (unsigned long long)v);
}

size_t fmt_oct(char *buf, unsigned long long v)
{
	char tmp[FMT_INT_SIZE];
	char *p = tmp + sizeof(tmp);

	do {
		*--p = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (*p != '0')
		*--p = '0';
	return emit(buf, p, tmp + sizeof(tmp));
}

size_t fmt_oct_width(char *buf, unsigned long long v, unsigned width)
{
	char tmp[FMT_INT_SIZE];
	size_t n = fmt_oct(tmp, v), pad = width > n ? width - n : 0;

	memset(buf, '0', pad);
	memcpy(buf + pad, tmp, n + 1);
	return pad + n;
}

size_t fmt_hex(char *buf, unsigned long long v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[FMT_INT_SIZE];
	char *p = tmp + sizeof(tmp);

	if (v == 0) {
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	do {
		*--p = digits[v & 15];
		v >>= 4;
	} while (v);
	*--p = 'x';
	*--p = '0';
	return emit(buf, p, tmp + sizeof(tmp));
}
