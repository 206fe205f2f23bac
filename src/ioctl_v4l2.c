/* Video4Linux2 ioctls (type 'V', <linux/videodev2.h>): the VIDIOC_*
 * requests strace decodes.  A structure the kernel reads and writes back
 * prints its input fields at entry and the rest at exit, after " => "
 * when a field it had printed changes.  The other VIDIOC requests print
 * their argument in hex. */
#include "config.h"

#include <stdlib.h>
#include <sys/time.h>
#include <linux/videodev2.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "util.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* Read a structure: false when the address was printed instead. */
#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))
/* Read a structure silently (at exit). */
#define READ(tcp, arg, obj) (mem_read((tcp)->pid, arg, &(obj), sizeof(obj)) == 0)

/* A fourcc code: v4l2_fourcc('Y', 'U', 'Y', 'V') with its name in a
 * comment, or the number under -X raw. */
static void print_fourcc(struct tcb *tcp, uint32_t v, const struct xlat *names)
{
	const char *name = names ? xlat_lookup(names, v) : NULL;

	if (pcfg.xlat_style == XLAT_RAW) {
		tprintf(tcp, "%#x", v);
		return;
	}
	tprints(tcp, "v4l2_fourcc(");
	for (unsigned i = 0; i < 4; i++) {
		unsigned char c = (unsigned char)(v >> (8 * i));

		if (i)
			tprints(tcp, ", ");
		if (c == '\'' || c == '\\')
			tprintf(tcp, "'\\%c'", c);
		else if (c >= 0x20 && c < 0x7f)
			tprintf(tcp, "'%c'", c);
		else
			tprintf(tcp, "'\\x%02x'", c);
	}
	tprints(tcp, ")");
	if (name)
		tprintf(tcp, " /* %s */", name);
}

static void print_rect(struct tcb *tcp, const struct v4l2_rect *r)
{
	tprintf(tcp, "{left=%d, top=%d, width=%u, height=%u}", r->left, r->top, r->width,
		r->height);
}

static void print_fract(struct tcb *tcp, const struct v4l2_fract *f)
{
	tprintf(tcp, "%u/%u", f->numerator, f->denominator);
}

static void print_ptr(struct tcb *tcp, const void *p)
{
	print_addr(tcp, (unsigned long)p);
}

/* A control id: its name, CLASS+offset inside a known class, with the
 * V4L2_CTRL_FLAG_NEXT_* bits first when next_flags. */
static void print_cid(struct tcb *tcp, uint32_t cid, bool next_flags)
{
	const struct xlat *classes = &xlat_v4l2_control_classes;
	uint32_t next = 0, base = 0;
	const char *name, *class_name = NULL;
	char raw[16], names[96];

	if (pcfg.xlat_style == XLAT_RAW) {
		tprintf(tcp, "%#x", cid);
		return;
	}
	if (next_flags)
		next = cid & (V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND);
	if (next) {
		print_flags(tcp, &xlat_v4l2_control_query_flags, next, "V4L2_CTRL_FLAG_NEXT_???");
		tprints(tcp, "|");
		cid &= ~next;
	}
	name = xlat_lookup(&xlat_v4l2_control_ids, cid);
	if (name) {
		print_xval(tcp, &xlat_v4l2_control_ids, cid, NULL);
		return;
	}
	/* the largest class not above the id */
	for (unsigned i = 0; i < classes->n; i++) {
		uint32_t c = (uint32_t)classes->items[i].val;

		if (c <= cid && (!class_name || c > base)) {
			base = c;
			class_name = xlat_str(classes, i);
		}
	}
	if (!class_name || cid - base >= 0x10000) {
		print_xval(tcp, NULL, cid, "V4L2_CID_???");
		return;
	}
	snprintf(raw, sizeof(raw), "%#x", cid);
	snprintf(names, sizeof(names), "%s+%#x", class_name, cid - base);
	print_styled_text(tcp, raw, names);
}

/* The array at addr (n elements of elsize bytes) as print_array shows it,
 * and whether it was shown to its end (or to the -s limit): strace's
 * structures end early after an array cut by a fault. */
static bool print_v4l2_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			     size_t elsize, print_elem_fn fn)
{
	unsigned flags = PA_FAULT_ADDR | (pcfg.verbose ? PA_NO_LIMIT : 0);
	unsigned long shown = !pcfg.verbose && pcfg.max_strlen < n ? pcfg.max_strlen + 1 : n;

	if (!n) {
		tprints(tcp, "[]");
		return false;
	}
	if (n > ~0ul / elsize || addr + n * elsize < addr) {
		print_addr(tcp, addr);
		return false;
	}
	if (!fetch_or_print_addr(tcp, addr, elem, elsize))
		return false;
	print_array(tcp, addr, n, elem, elsize, fn, NULL, flags);
	shown = MIN(shown, n);
	for (unsigned long i = 1; i < shown; i++)
		if (mem_read(tcp->pid, addr + i * elsize, elem, elsize) < 0)
			return false;
	return true;
}

/* ---- struct v4l2_format ------------------------------------------------ */

static void print_clip(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct v4l2_clip *c = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{c=");
	print_rect(tcp, &c->c);
	tprints(tcp, "}");
}

static bool print_fmt_win(struct tcb *tcp, const struct v4l2_window *w)
{
	struct v4l2_clip clip;
	bool ok;

	tprints(tcp, "{w=");
	print_rect(tcp, &w->w);
	tprints(tcp, ", field=");
	print_xval(tcp, &xlat_v4l2_fields, w->field, "V4L2_FIELD_???");
	tprintf(tcp, ", chromakey=%#x, clips=", w->chromakey);
	ok = print_v4l2_array(tcp, (unsigned long)w->clips, w->clipcount, &clip, sizeof(clip),
			      print_clip);
	tprintf(tcp, ", clipcount=%u, bitmap=", w->clipcount);
	print_ptr(tcp, w->bitmap);
	if (w->global_alpha)
		tprintf(tcp, ", global_alpha=%#x", w->global_alpha);
	tprints(tcp, "}");
	return ok;
}

static void print_fmt_pix(struct tcb *tcp, const struct v4l2_pix_format *p)
{
	tprintf(tcp, "{width=%u, height=%u, pixelformat=", p->width, p->height);
	print_fourcc(tcp, p->pixelformat, &xlat_v4l2_pix_fmts);
	tprints(tcp, ", field=");
	print_xval(tcp, &xlat_v4l2_fields, p->field, "V4L2_FIELD_???");
	tprintf(tcp, ", bytesperline=%u, sizeimage=%u, colorspace=", p->bytesperline,
		p->sizeimage);
	print_xval(tcp, &xlat_v4l2_colorspaces, p->colorspace, "V4L2_COLORSPACE_???");
	tprints(tcp, "}");
}

static void print_fmt_pix_mp(struct tcb *tcp, const struct v4l2_pix_format_mplane *p)
{
	unsigned n = MIN(p->num_planes, VIDEO_MAX_PLANES);

	tprintf(tcp, "{width=%u, height=%u, pixelformat=", p->width, p->height);
	print_fourcc(tcp, p->pixelformat, &xlat_v4l2_pix_fmts);
	tprints(tcp, ", field=");
	print_xval(tcp, &xlat_v4l2_fields, p->field, "V4L2_FIELD_???");
	tprints(tcp, ", colorspace=");
	print_xval(tcp, &xlat_v4l2_colorspaces, p->colorspace, "V4L2_COLORSPACE_???");
	tprints(tcp, ", plane_fmt=[");
	for (unsigned i = 0; i < n; i++)
		tprintf(tcp, "%s{sizeimage=%u, bytesperline=%u}", i ? ", " : "",
			p->plane_fmt[i].sizeimage, p->plane_fmt[i].bytesperline);
	tprintf(tcp, "], num_planes=%u}", p->num_planes);
}

static void print_fmt_vbi(struct tcb *tcp, const struct v4l2_vbi_format *v)
{
	tprintf(tcp, "{sampling_rate=%u, offset=%u, samples_per_line=%u, sample_format=",
		v->sampling_rate, v->offset, v->samples_per_line);
	print_fourcc(tcp, v->sample_format, &xlat_v4l2_pix_fmts);
	tprintf(tcp, ", start=[%d, %d], count=[%u, %u], flags=", v->start[0], v->start[1],
		v->count[0], v->count[1]);
	print_flags(tcp, &xlat_v4l2_vbi_flags, v->flags, "V4L2_VBI_???");
	tprints(tcp, "}");
}

static void print_fmt_sliced(struct tcb *tcp, const struct v4l2_sliced_vbi_format *s)
{
	tprints(tcp, "{service_set=");
	print_flags(tcp, &xlat_v4l2_sliced_flags, s->service_set, "V4L2_SLICED_???");
	tprints(tcp, ", service_lines=[");
	for (unsigned i = 0; i < 2; i++) {
		tprints(tcp, i ? ", " : "");
		ioctl_print_uints(tcp, s->service_lines[i], sizeof(s->service_lines[i][0]),
				  ARRAY_SIZE(s->service_lines[i]), true);
	}
	tprintf(tcp, "], io_size=%u}", s->io_size);
}

/* The fmt union member of the buffer type, after prefix; false for an
 * unknown type (nothing printed) or a clip list cut by a fault. */
static bool print_format_fmt(struct tcb *tcp, const char *prefix, const struct v4l2_format *f)
{
	switch (f->type) {
	case V4L2_BUF_TYPE_VIDEO_CAPTURE: case V4L2_BUF_TYPE_VIDEO_OUTPUT:
		tprintf(tcp, "%sfmt.pix=", prefix);
		print_fmt_pix(tcp, &f->fmt.pix);
		return true;
	case V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE: case V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE:
		tprintf(tcp, "%sfmt.pix_mp=", prefix);
		print_fmt_pix_mp(tcp, &f->fmt.pix_mp);
		return true;
	case V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY: case V4L2_BUF_TYPE_VIDEO_OVERLAY:
		tprintf(tcp, "%sfmt.win=", prefix);
		return print_fmt_win(tcp, &f->fmt.win);
	case V4L2_BUF_TYPE_VBI_CAPTURE: case V4L2_BUF_TYPE_VBI_OUTPUT:
		tprintf(tcp, "%sfmt.vbi=", prefix);
		print_fmt_vbi(tcp, &f->fmt.vbi);
		return true;
	case V4L2_BUF_TYPE_SLICED_VBI_CAPTURE: case V4L2_BUF_TYPE_SLICED_VBI_OUTPUT:
		tprintf(tcp, "%sfmt.sliced=", prefix);
		print_fmt_sliced(tcp, &f->fmt.sliced);
		return true;
	case V4L2_BUF_TYPE_SDR_OUTPUT: case V4L2_BUF_TYPE_SDR_CAPTURE:
		tprintf(tcp, "%sfmt.sdr={pixelformat=", prefix);
		print_fourcc(tcp, f->fmt.sdr.pixelformat, &xlat_v4l2_sdr_fmts);
		if (f->fmt.sdr.buffersize)
			tprintf(tcp, ", buffersize=%u", f->fmt.sdr.buffersize);
		tprints(tcp, "}");
		return true;
	case V4L2_BUF_TYPE_META_OUTPUT: case V4L2_BUF_TYPE_META_CAPTURE:
		tprintf(tcp, "%sfmt.meta={dataformat=", prefix);
		print_fourcc(tcp, f->fmt.meta.dataformat, &xlat_v4l2_meta_fmts);
		tprintf(tcp, ", buffersize=%u}", f->fmt.meta.buffersize);
		return true;
	default:
		return false;
	}
}

static void print_buf_type(struct tcb *tcp, uint32_t type)
{
	print_xval(tcp, &xlat_v4l2_buf_types, type, "V4L2_BUF_TYPE_???");
}

static void print_memory(struct tcb *tcp, uint32_t memory)
{
	print_xval(tcp, &xlat_v4l2_memories, memory, "V4L2_MEMORY_???");
}

/* ---- struct v4l2_buffer ------------------------------------------------- */

static void print_buffer_flags(struct tcb *tcp, uint32_t v)
{
	uint32_t ts_type = v & V4L2_BUF_FLAG_TIMESTAMP_MASK;
	uint32_t ts_src = v & V4L2_BUF_FLAG_TSTAMP_SRC_MASK;
	uint32_t rest = v & ~(ts_type | ts_src);

	if (pcfg.xlat_style == XLAT_RAW) {
		tprintf(tcp, "%#x", v);
		return;
	}
	if (rest) {
		print_flags(tcp, &xlat_v4l2_buf_flags, rest, "V4L2_BUF_FLAG_???");
		tprints(tcp, "|");
	}
	print_xval(tcp, &xlat_v4l2_buf_flags_ts_type, ts_type, "V4L2_BUF_FLAG_TIMESTAMP_???");
	tprints(tcp, "|");
	print_xval(tcp, &xlat_v4l2_buf_flags_ts_src, ts_src, "V4L2_BUF_FLAG_TSTAMP_SRC_???");
}

static void print_buffer_exit(struct tcb *tcp, unsigned cmd, const struct v4l2_buffer *b)
{
	if (cmd == VIDIOC_DQBUF)
		tprintf(tcp, ", index=%u", b->index);
	tprints(tcp, ", memory=");
	print_memory(tcp, b->memory);
	if (b->memory == V4L2_MEMORY_MMAP)
		tprintf(tcp, ", m.offset=%#x", b->m.offset);
	else if (b->memory == V4L2_MEMORY_USERPTR) {
		tprints(tcp, ", m.userptr=");
		print_addr(tcp, b->m.userptr);
	}
	tprintf(tcp, ", length=%u, bytesused=%u, flags=", b->length, b->bytesused);
	print_buffer_flags(tcp, b->flags);
	if (cmd == VIDIOC_DQBUF)
		tprintf(tcp, ", timestamp={tv_sec=%lld, tv_usec=%llu}",
			(long long)b->timestamp.tv_sec, (unsigned long long)b->timestamp.tv_usec);
	tprints(tcp, ", ...");
}

/* ---- controls ------------------------------------------------------------ */

static void print_ext_control(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct v4l2_ext_control *c = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{id=");
	print_xval(tcp, &xlat_v4l2_control_ids, c->id, "V4L2_CID_???");
	tprintf(tcp, ", size=%u", c->size);
	if (c->size) {
		tprints(tcp, ", string=");
		print_buf(tcp, (unsigned long)c->string, c->size);
	} else {
		tprintf(tcp, ", value=%d, value64=%lld", c->value, (long long)c->value64);
	}
	tprints(tcp, "}");
}

static bool print_ext_controls_array(struct tcb *tcp, const struct v4l2_ext_controls *c)
{
	struct v4l2_ext_control elem;

	tprints(tcp, "controls=");
	return print_v4l2_array(tcp, (unsigned long)c->controls, c->count, &elem, sizeof(elem),
				print_ext_control);
}

static void print_tuner_body(struct tcb *tcp, const struct v4l2_tuner *t)
{
	tprints(tcp, "name=");
	print_cstring_field(tcp, (const char *)t->name, sizeof(t->name));
	tprints(tcp, ", type=");
	print_xval(tcp, &xlat_v4l2_tuner_types, t->type, "V4L2_TUNER_???");
	tprints(tcp, ", capability=");
	print_flags(tcp, &xlat_v4l2_tuner_capabilities, t->capability, "V4L2_TUNER_CAP_???");
	tprintf(tcp, ", rangelow=%u, rangehigh=%u, rxsubchans=", t->rangelow, t->rangehigh);
	print_flags(tcp, &xlat_v4l2_tuner_rxsubchanses, t->rxsubchans, "V4L2_TUNER_SUB_???");
	tprints(tcp, ", audmode=");
	print_xval(tcp, &xlat_v4l2_tuner_audmodes, t->audmode, "V4L2_TUNER_MODE_???");
	tprintf(tcp, ", signal=%d, afc=%d", t->signal, t->afc);
}

static void print_streamparm_body(struct tcb *tcp, const struct v4l2_streamparm *s)
{
	const struct v4l2_captureparm *c = &s->parm.capture;
	const struct v4l2_outputparm *o = &s->parm.output;
	bool capture = s->type == V4L2_BUF_TYPE_VIDEO_CAPTURE;

	tprints(tcp, capture ? "parm.capture={capability=" : "parm.output={capability=");
	print_flags(tcp, &xlat_v4l2_streaming_capabilities, capture ? c->capability : o->capability,
		    "V4L2_CAP_???");
	tprints(tcp, capture ? ", capturemode=" : ", outputmode=");
	print_flags(tcp, &xlat_v4l2_capture_modes, capture ? c->capturemode : o->outputmode,
		    "V4L2_MODE_???");
	tprints(tcp, ", timeperframe=");
	print_fract(tcp, capture ? &c->timeperframe : &o->timeperframe);
	if (capture)
		tprintf(tcp, ", extendedmode=%#x, readbuffers=%u}", c->extendedmode, c->readbuffers);
	else
		tprintf(tcp, ", extendedmode=%#x, writebuffers=%u}", o->extendedmode, o->writebuffers);
}

static void print_reserved_hex(struct tcb *tcp, const uint32_t *r, size_t n)
{
	if (ioctl_all_zero(r, n * sizeof(*r)))
		return;
	tprints(tcp, ", reserved=");
	ioctl_print_uints(tcp, r, sizeof(*r), n, true);
}

/* The id the entry printed (queryctrl): the exit shows a changed one. */
static void save_id(struct tcb *tcp, uint32_t id)
{
	uint32_t *p = xmalloc(sizeof(*p));

	*p = id;
	tcb_set_call_priv(tcp, p, free);
}

static void print_changed_id(struct tcb *tcp, uint32_t id)
{
	const uint32_t *p = tcp->call_priv;

	if (p && *p != id) {
		tprints(tcp, " => ");
		print_cid(tcp, id, false);
	}
}

static void print_queryctrl_exit(struct tcb *tcp, const struct v4l2_queryctrl *c)
{
	print_changed_id(tcp, c->id);
	tprints(tcp, ", type=");
	print_xval(tcp, &xlat_v4l2_control_types, c->type, "V4L2_CTRL_TYPE_???");
	tprints(tcp, ", name=");
	print_cstring_field(tcp, (const char *)c->name, sizeof(c->name));
	if (!pcfg.verbose) {
		tprints(tcp, ", ...");
		return;
	}
	tprintf(tcp, ", minimum=%d, maximum=%d, step=%d, default_value=%d, flags=", c->minimum,
		c->maximum, c->step, c->default_value);
	print_flags(tcp, &xlat_v4l2_control_flags, c->flags, "V4L2_CTRL_FLAG_???");
	print_reserved_hex(tcp, c->reserved, ARRAY_SIZE(c->reserved));
}

static void print_query_ext_ctrl_exit(struct tcb *tcp, const struct v4l2_query_ext_ctrl *c)
{
	print_changed_id(tcp, c->id);
	tprints(tcp, ", type=");
	print_xval(tcp, &xlat_v4l2_control_types, c->type, "V4L2_CTRL_TYPE_???");
	tprints(tcp, ", name=");
	print_cstring_field(tcp, c->name, sizeof(c->name));
	if (!pcfg.verbose) {
		tprints(tcp, ", ...");
		return;
	}
	tprintf(tcp, ", minimum=%lld, maximum=%lld, step=%llu, default_value=%lld, flags=",
		(long long)c->minimum, (long long)c->maximum, (unsigned long long)c->step,
		(long long)c->default_value);
	print_flags(tcp, &xlat_v4l2_control_flags, c->flags, "V4L2_CTRL_FLAG_???");
	tprintf(tcp, ", elem_size=%u, elems=%u, nr_of_dims=%u, dims=", c->elem_size, c->elems,
		c->nr_of_dims);
	ioctl_print_uints(tcp, c->dims, sizeof(c->dims[0]), MIN(c->nr_of_dims, V4L2_CTRL_MAX_DIMS),
			  false);
	print_reserved_hex(tcp, c->reserved, ARRAY_SIZE(c->reserved));
}

/* ---- entry and exit --------------------------------------------------- */

union v4l2_arg {
	struct v4l2_capability cap;
	struct v4l2_fmtdesc fmtdesc;
	struct v4l2_format fmt;
	struct v4l2_requestbuffers reqbufs;
	struct v4l2_buffer buf;
	struct v4l2_framebuffer fbuf;
	struct v4l2_streamparm parm;
	struct v4l2_standard std;
	struct v4l2_input input;
	struct v4l2_control ctrl;
	struct v4l2_tuner tuner;
	struct v4l2_queryctrl qctrl;
	struct v4l2_query_ext_ctrl qectrl;
	struct v4l2_cropcap cropcap;
	struct v4l2_crop crop;
	struct v4l2_ext_controls ectrls;
	struct v4l2_frmsizeenum fsize;
	struct v4l2_frmivalenum fival;
	struct v4l2_create_buffers cbufs;
	uint64_t u64;
	uint32_t u32;
	int i;
};

/* At entry: DEC_DONE, DEC_MORE (the exit prints the argument of a
 * successful call) or IOCTL_MORE_ALWAYS (the exit ends the structure). */
static int v4l2_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union v4l2_arg u;

	tprint_arg_next(tcp);
	switch (cmd) {
	case VIDIOC_QUERYCAP: case VIDIOC_G_FBUF: case VIDIOC_G_STD: case VIDIOC_G_INPUT:
		return DEC_MORE;
	case VIDIOC_ENUM_FMT:
		if (!FETCH(tcp, arg, u.fmtdesc))
			return DEC_DONE;
		tprintf(tcp, "{index=%u, type=", u.fmtdesc.index);
		print_buf_type(tcp, u.fmtdesc.type);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_G_FMT: case VIDIOC_S_FMT: case VIDIOC_TRY_FMT:
		if (!FETCH(tcp, arg, u.fmt))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.fmt.type);
		if (cmd == VIDIOC_G_FMT)
			return IOCTL_MORE_ALWAYS;
		if (!print_format_fmt(tcp, ", ", &u.fmt)) {
			tprints(tcp, "}");
			return DEC_DONE;
		}
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_REQBUFS:
		if (!FETCH(tcp, arg, u.reqbufs))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.reqbufs.type);
		tprints(tcp, ", memory=");
		print_memory(tcp, u.reqbufs.memory);
		tprintf(tcp, ", count=%u", u.reqbufs.count);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_QUERYBUF: case VIDIOC_QBUF: case VIDIOC_DQBUF:
		if (!FETCH(tcp, arg, u.buf))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.buf.type);
		if (cmd != VIDIOC_DQBUF)
			tprintf(tcp, ", index=%u", u.buf.index);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_S_FBUF:
		if (FETCH(tcp, arg, u.fbuf)) {
			tprintf(tcp, "{capability=%#x, flags=%#x, base=", u.fbuf.capability,
				u.fbuf.flags);
			print_ptr(tcp, u.fbuf.base);
			tprints(tcp, "}");
		}
		return DEC_DONE;
	case VIDIOC_STREAMON: case VIDIOC_STREAMOFF:
		if (FETCH(tcp, arg, u.i)) {
			tprints(tcp, "[");
			print_buf_type(tcp, (uint32_t)u.i);
			tprints(tcp, "]");
		}
		return DEC_DONE;
	case VIDIOC_G_PARM: case VIDIOC_S_PARM:
		if (!FETCH(tcp, arg, u.parm))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.parm.type);
		if (u.parm.type != V4L2_BUF_TYPE_VIDEO_CAPTURE &&
		    u.parm.type != V4L2_BUF_TYPE_VIDEO_OUTPUT) {
			tprints(tcp, "}");
			return DEC_DONE;
		}
		if (cmd == VIDIOC_S_PARM) {
			tprints(tcp, ", ");
			print_streamparm_body(tcp, &u.parm);
		}
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_S_STD:
		if (FETCH(tcp, arg, u.u64))
			tprintf(tcp, "[%#llx]", (unsigned long long)u.u64);
		return DEC_DONE;
	case VIDIOC_ENUMSTD:
		if (!FETCH(tcp, arg, u.std))
			return DEC_DONE;
		tprintf(tcp, "{index=%u", u.std.index);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_ENUMINPUT:
		if (!FETCH(tcp, arg, u.input))
			return DEC_DONE;
		tprintf(tcp, "{index=%u", u.input.index);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_G_CTRL: case VIDIOC_S_CTRL:
		if (!FETCH(tcp, arg, u.ctrl))
			return DEC_DONE;
		tprints(tcp, "{id=");
		print_cid(tcp, u.ctrl.id, false);
		if (cmd == VIDIOC_S_CTRL)
			tprintf(tcp, ", value=%d", u.ctrl.value);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_G_TUNER: case VIDIOC_S_TUNER:
		if (!FETCH(tcp, arg, u.tuner))
			return DEC_DONE;
		tprintf(tcp, "{index=%u", u.tuner.index);
		if (cmd == VIDIOC_S_TUNER) {
			tprints(tcp, ", ");
			print_tuner_body(tcp, &u.tuner);
		}
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_QUERYCTRL: case VIDIOC_QUERY_EXT_CTRL:
		/* the id leads both structures, read whole as strace */
		if (cmd == VIDIOC_QUERYCTRL ? !FETCH(tcp, arg, u.qctrl) : !FETCH(tcp, arg, u.qectrl))
			return DEC_DONE;
		save_id(tcp, u.qctrl.id);
		tprints(tcp, "{id=");
		print_cid(tcp, u.qctrl.id, true);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_S_INPUT:
		if (FETCH(tcp, arg, u.u32))
			tprintf(tcp, "[%u]", u.u32);
		return DEC_DONE;
	case VIDIOC_CROPCAP:
		if (!FETCH(tcp, arg, u.cropcap))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.cropcap.type);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_G_CROP: case VIDIOC_S_CROP:
		if (!FETCH(tcp, arg, u.crop))
			return DEC_DONE;
		tprints(tcp, "{type=");
		print_buf_type(tcp, u.crop.type);
		if (cmd == VIDIOC_G_CROP)
			return IOCTL_MORE_ALWAYS;
		tprints(tcp, ", c=");
		print_rect(tcp, &u.crop.c);
		tprints(tcp, "}");
		return DEC_DONE;
	case VIDIOC_S_EXT_CTRLS: case VIDIOC_TRY_EXT_CTRLS: case VIDIOC_G_EXT_CTRLS:
		if (!FETCH(tcp, arg, u.ectrls))
			return DEC_DONE;
		tprints(tcp, "{ctrl_class=");
		print_xval(tcp, &xlat_v4l2_control_classes, u.ectrls.ctrl_class,
			   "V4L2_CTRL_CLASS_???");
		tprintf(tcp, ", count=%u", u.ectrls.count);
		if (!u.ectrls.count) {
			tprints(tcp, "}");
			return DEC_DONE;
		}
		if (cmd == VIDIOC_G_EXT_CTRLS)
			return IOCTL_MORE_ALWAYS;
		tprints(tcp, ", ");
		if (!print_ext_controls_array(tcp, &u.ectrls)) {
			tprints(tcp, "}");
			return DEC_DONE;
		}
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_ENUM_FRAMESIZES:
		if (!FETCH(tcp, arg, u.fsize))
			return DEC_DONE;
		tprintf(tcp, "{index=%u, pixel_format=", u.fsize.index);
		print_fourcc(tcp, u.fsize.pixel_format, &xlat_v4l2_pix_fmts);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_ENUM_FRAMEINTERVALS:
		if (!FETCH(tcp, arg, u.fival))
			return DEC_DONE;
		tprintf(tcp, "{index=%u, pixel_format=", u.fival.index);
		print_fourcc(tcp, u.fival.pixel_format, &xlat_v4l2_pix_fmts);
		tprintf(tcp, ", width=%u, height=%u", u.fival.width, u.fival.height);
		return IOCTL_MORE_ALWAYS;
	case VIDIOC_CREATE_BUFS:
		if (!FETCH(tcp, arg, u.cbufs))
			return DEC_DONE;
		tprintf(tcp, "{count=%u, memory=", u.cbufs.count);
		print_memory(tcp, u.cbufs.memory);
		tprints(tcp, ", format={type=");
		print_buf_type(tcp, u.cbufs.format.type);
		print_format_fmt(tcp, ", ", &u.cbufs.format);
		tprints(tcp, "}}");
		return IOCTL_MORE_ALWAYS;
	default:
		return DEC_DONE; /* not reached: v4l2_decode checks the request */
	}
}

static void print_capability(struct tcb *tcp, const struct v4l2_capability *c)
{
	char raw[16], names[64];

	tprints(tcp, "{driver=");
	print_cstring_field(tcp, (const char *)c->driver, sizeof(c->driver));
	tprints(tcp, ", card=");
	print_cstring_field(tcp, (const char *)c->card, sizeof(c->card));
	tprints(tcp, ", bus_info=");
	print_cstring_field(tcp, (const char *)c->bus_info, sizeof(c->bus_info));
	snprintf(raw, sizeof(raw), "%#x", c->version);
	snprintf(names, sizeof(names), "KERNEL_VERSION(%u, %u, %u)", c->version >> 16,
		 (c->version >> 8) & 0xff, c->version & 0xff);
	tprints(tcp, ", version=");
	print_styled_text(tcp, raw, names);
	tprints(tcp, ", capabilities=");
	print_flags(tcp, &xlat_v4l2_device_capabilities_flags, c->capabilities, "V4L2_CAP_???");
	if (c->device_caps) {
		tprints(tcp, ", device_caps=");
		print_flags(tcp, &xlat_v4l2_device_capabilities_flags, c->device_caps,
			    "V4L2_CAP_???");
	}
	tprints(tcp, "}");
}

/* At exit of a DEC_MORE request: the call succeeded. */
static void v4l2_exit_out(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union v4l2_arg u;

	switch (cmd) {
	case VIDIOC_QUERYCAP:
		if (FETCH(tcp, arg, u.cap))
			print_capability(tcp, &u.cap);
		break;
	case VIDIOC_G_FBUF:
		if (FETCH(tcp, arg, u.fbuf)) {
			tprintf(tcp, "{capability=%#x, flags=%#x, base=", u.fbuf.capability,
				u.fbuf.flags);
			print_ptr(tcp, u.fbuf.base);
			tprints(tcp, "}");
		}
		break;
	case VIDIOC_G_STD:
		if (FETCH(tcp, arg, u.u64))
			tprintf(tcp, "[%#llx]", (unsigned long long)u.u64);
		break;
	case VIDIOC_G_INPUT:
		if (FETCH(tcp, arg, u.u32))
			tprintf(tcp, "[%u]", u.u32);
		break;
	default:
		print_addr(tcp, arg);
		break;
	}
}

/* At exit of an IOCTL_MORE_ALWAYS request: the fields the kernel wrote,
 * when the call succeeded, then the end of the structure. */
static void v4l2_exit_struct(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union v4l2_arg u;
	bool ok = !ioctl_failed(tcp);

	switch (cmd) {
	case VIDIOC_ENUM_FMT:
		if (ok && READ(tcp, arg, u.fmtdesc)) {
			tprints(tcp, ", flags=");
			print_flags(tcp, &xlat_v4l2_format_description_flags, u.fmtdesc.flags,
				    "V4L2_FMT_FLAG_???");
			tprints(tcp, ", description=");
			print_cstring_field(tcp, (const char *)u.fmtdesc.description,
					 sizeof(u.fmtdesc.description));
			tprints(tcp, ", pixelformat=");
			print_fourcc(tcp, u.fmtdesc.pixelformat, &xlat_v4l2_pix_fmts);
		}
		break;
	case VIDIOC_G_FMT: case VIDIOC_S_FMT: case VIDIOC_TRY_FMT:
		if (ok && READ(tcp, arg, u.fmt))
			print_format_fmt(tcp, cmd == VIDIOC_G_FMT ? ", " : "} => {", &u.fmt);
		break;
	case VIDIOC_REQBUFS:
		if (ok && READ(tcp, arg, u.reqbufs))
			tprintf(tcp, " => %u", u.reqbufs.count);
		break;
	case VIDIOC_QUERYBUF: case VIDIOC_QBUF: case VIDIOC_DQBUF:
		if (ok && READ(tcp, arg, u.buf))
			print_buffer_exit(tcp, cmd, &u.buf);
		break;
	case VIDIOC_G_PARM: case VIDIOC_S_PARM:
		if (ok && READ(tcp, arg, u.parm)) {
			tprints(tcp, cmd == VIDIOC_G_PARM ? ", " : "} => {");
			print_streamparm_body(tcp, &u.parm);
		}
		break;
	case VIDIOC_ENUMSTD:
		if (ok && READ(tcp, arg, u.std)) {
			tprints(tcp, ", name=");
			print_cstring_field(tcp, (const char *)u.std.name, sizeof(u.std.name));
			tprints(tcp, ", frameperiod=");
			print_fract(tcp, &u.std.frameperiod);
			tprintf(tcp, ", framelines=%u", u.std.framelines);
		}
		break;
	case VIDIOC_ENUMINPUT:
		if (ok && READ(tcp, arg, u.input)) {
			tprints(tcp, ", name=");
			print_cstring_field(tcp, (const char *)u.input.name, sizeof(u.input.name));
			tprints(tcp, ", type=");
			print_xval(tcp, &xlat_v4l2_input_types, u.input.type,
				   "V4L2_INPUT_TYPE_???");
		}
		break;
	case VIDIOC_G_CTRL: case VIDIOC_S_CTRL:
		if (ok && READ(tcp, arg, u.ctrl))
			tprintf(tcp, cmd == VIDIOC_G_CTRL ? ", value=%d" : " => %d", u.ctrl.value);
		break;
	case VIDIOC_G_TUNER: case VIDIOC_S_TUNER:
		if (ok && READ(tcp, arg, u.tuner)) {
			tprints(tcp, cmd == VIDIOC_G_TUNER ? ", " : "} => {");
			print_tuner_body(tcp, &u.tuner);
		}
		break;
	case VIDIOC_QUERYCTRL:
		if (ok && READ(tcp, arg, u.qctrl))
			print_queryctrl_exit(tcp, &u.qctrl);
		break;
	case VIDIOC_QUERY_EXT_CTRL:
		if (ok && READ(tcp, arg, u.qectrl))
			print_query_ext_ctrl_exit(tcp, &u.qectrl);
		break;
	case VIDIOC_CROPCAP:
		if (ok && READ(tcp, arg, u.cropcap)) {
			tprints(tcp, ", bounds=");
			print_rect(tcp, &u.cropcap.bounds);
			tprints(tcp, ", defrect=");
			print_rect(tcp, &u.cropcap.defrect);
			tprints(tcp, ", pixelaspect=");
			print_fract(tcp, &u.cropcap.pixelaspect);
		}
		break;
	case VIDIOC_G_CROP:
		if (ok && READ(tcp, arg, u.crop)) {
			tprints(tcp, ", c=");
			print_rect(tcp, &u.crop.c);
		}
		break;
	case VIDIOC_S_EXT_CTRLS: case VIDIOC_TRY_EXT_CTRLS: case VIDIOC_G_EXT_CTRLS:
		/* the controls even when the call failed: error_idx tells
		 * which one */
		if (READ(tcp, arg, u.ectrls)) {
			tprints(tcp, cmd == VIDIOC_G_EXT_CTRLS ? ", " : "} => {");
			print_ext_controls_array(tcp, &u.ectrls);
			if (!ok)
				tprintf(tcp, ", error_idx=%u", u.ectrls.error_idx);
		}
		break;
	case VIDIOC_ENUM_FRAMESIZES:
		if (ok && READ(tcp, arg, u.fsize)) {
			tprints(tcp, ", type=");
			print_xval(tcp, &xlat_v4l2_framesize_types, u.fsize.type,
				   "V4L2_FRMSIZE_TYPE_???");
			if (u.fsize.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
				tprintf(tcp, ", discrete={width=%u, height=%u}",
					u.fsize.discrete.width, u.fsize.discrete.height);
			} else if (u.fsize.type == V4L2_FRMSIZE_TYPE_STEPWISE) {
				const struct v4l2_frmsize_stepwise *s = &u.fsize.stepwise;

				tprintf(tcp, ", stepwise={min_width=%u, max_width=%u, "
					"step_width=%u, min_height=%u, max_height=%u, "
					"step_height=%u}", s->min_width, s->max_width,
					s->step_width, s->min_height, s->max_height,
					s->step_height);
			}
		}
		break;
	case VIDIOC_ENUM_FRAMEINTERVALS:
		if (ok && READ(tcp, arg, u.fival)) {
			tprints(tcp, ", type=");
			print_xval(tcp, &xlat_v4l2_frameinterval_types, u.fival.type,
				   "V4L2_FRMIVAL_TYPE_???");
			if (u.fival.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
				tprints(tcp, ", discrete=");
				print_fract(tcp, &u.fival.discrete);
			} else if (u.fival.type == V4L2_FRMIVAL_TYPE_STEPWISE ||
				   u.fival.type == V4L2_FRMIVAL_TYPE_CONTINUOUS) {
				tprints(tcp, ", stepwise={min=");
				print_fract(tcp, &u.fival.stepwise.min);
				tprints(tcp, ", max=");
				print_fract(tcp, &u.fival.stepwise.max);
				tprints(tcp, ", step=");
				print_fract(tcp, &u.fival.stepwise.step);
				tprints(tcp, "}");
			}
		}
		break;
	case VIDIOC_CREATE_BUFS:
		/* the structure ended at entry: the answer follows the
		 * return value */
		if (ok && READ(tcp, arg, u.cbufs)) {
			sb_printf(tcb_aux(tcp), "{index=%u, count=%u}", u.cbufs.index,
				  u.cbufs.count);
			tcb_aux_done(tcp);
		}
		return;
	default:
		break;
	}
	tprints(tcp, "}");
}

static bool v4l2_known(unsigned cmd)
{
	switch (cmd) {
	case VIDIOC_QUERYCAP: case VIDIOC_ENUM_FMT: case VIDIOC_G_FMT: case VIDIOC_S_FMT:
	case VIDIOC_TRY_FMT: case VIDIOC_REQBUFS: case VIDIOC_QUERYBUF: case VIDIOC_QBUF:
	case VIDIOC_DQBUF: case VIDIOC_G_FBUF: case VIDIOC_S_FBUF: case VIDIOC_STREAMON:
	case VIDIOC_STREAMOFF: case VIDIOC_G_PARM: case VIDIOC_S_PARM: case VIDIOC_G_STD:
	case VIDIOC_S_STD: case VIDIOC_ENUMSTD: case VIDIOC_ENUMINPUT: case VIDIOC_G_CTRL:
	case VIDIOC_S_CTRL: case VIDIOC_G_TUNER: case VIDIOC_S_TUNER: case VIDIOC_QUERYCTRL:
	case VIDIOC_QUERY_EXT_CTRL: case VIDIOC_G_INPUT: case VIDIOC_S_INPUT:
	case VIDIOC_CROPCAP: case VIDIOC_G_CROP: case VIDIOC_S_CROP: case VIDIOC_S_EXT_CTRLS:
	case VIDIOC_TRY_EXT_CTRLS: case VIDIOC_G_EXT_CTRLS: case VIDIOC_ENUM_FRAMESIZES:
	case VIDIOC_ENUM_FRAMEINTERVALS: case VIDIOC_CREATE_BUFS:
		return true;
	default:
		return false;
	}
}

static bool v4l2_out_only(unsigned cmd)
{
	return cmd == VIDIOC_QUERYCAP || cmd == VIDIOC_G_FBUF || cmd == VIDIOC_G_STD ||
	       cmd == VIDIOC_G_INPUT;
}

static int v4l2_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (!v4l2_known(cmd))
		return IOCTL_UNHANDLED;
	if (!tcp->exiting)
		return v4l2_entry(tcp, cmd, arg);
	if (v4l2_out_only(cmd))
		v4l2_exit_out(tcp, cmd, arg);
	else
		v4l2_exit_struct(tcp, cmd, arg);
	return DEC_DONE;
}

const struct ioctl_family ioctl_family_v4l2 = {
	.name = "v4l2",
	.types = { 'V' },
	.cmds = &xlat_v4l2_cmds,
	.decode = v4l2_decode,
};
