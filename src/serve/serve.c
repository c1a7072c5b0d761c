/*
 * serve.c: the HTTP daemon (libmicrohttpd) around serve_route(): start and
 * stop, the engine pool, request bodies and their ceiling, the access log.
 *
 * Threads: libmicrohttpd runs a pool of n_threads threads, each handling
 * its connections one request at a time; a request takes an engine from
 * the pool when its body is complete and gives it back before it returns,
 * so n_threads engines are always enough and no request waits for one
 * held by an idle connection.
 */
#include "serve/serve_int.h"

#include "base/xmem.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_RESULT;
#else
typedef enum MHD_Result MHD_RESULT;
#endif

struct serve {
	struct MHD_Daemon *daemon;
	struct serve_worker *workers;
	size_t n_workers;
	size_t *free_idx;           /* stack of idle workers */
	size_t n_free;
	size_t n_active;            /* requests begun and not yet completed */
	pthread_mutex_t mu;
	pthread_cond_t cv;          /* an engine came back / a request completed */
	size_t max_body;
	unsigned long time_limit_ms;
	unsigned port;
	struct serve_opts o;
};

/* One request, from its first byte to its completion callback. */
struct conn_req {
	struct buf body;
	int too_big;                /* 1: answered 413; 2: to answer 413 at the end */
	uint64_t start_ns;
	uint64_t deadline_ns;
	int status;
	size_t bytes_out;
	char method[16];
	char path[256];
};

static uint64_t now_ns(void)
{
	return check_deadline(0);
}

/* ---- engine pool -------------------------------------------------------- */

static struct serve_worker *take_worker(struct serve *s)
{
	struct serve_worker *w;

	pthread_mutex_lock(&s->mu);
	while (s->n_free == 0)
		pthread_cond_wait(&s->cv, &s->mu);
	w = &s->workers[s->free_idx[--s->n_free]];
	pthread_mutex_unlock(&s->mu);
	return w;
}

static void give_worker(struct serve *s, struct serve_worker *w)
{
	pthread_mutex_lock(&s->mu);
	s->free_idx[s->n_free++] = (size_t)(w - s->workers);
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

/* ---- replies ------------------------------------------------------------ */

/* Headers every answer carries: no sniffing, no framing, only our own page. */
static void add_common_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
				"connect-src 'self'; img-src data:; form-action 'none'; base-uri 'none'");
}

static MHD_RESULT send_reply(struct MHD_Connection *c, struct conn_req *cr, struct serve_reply *r,
			     int head)
{
	struct MHD_Response *resp;
	MHD_RESULT ret;

	resp = MHD_create_response_from_buffer(head ? 0 : r->body.len,
					       head ? (void *)"" : (void *)buf_str(&r->body),
					       MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", r->content_type);
	if (r->allow)
		MHD_add_response_header(resp, "Allow", r->allow);
	add_common_headers(resp);
	if (r->status == 413 || r->status == 400)
		MHD_add_response_header(resp, "Connection", "close");
	ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	cr->status = r->status;
	cr->bytes_out = r->body.len;
	return ret;
}

static MHD_RESULT send_error(struct MHD_Connection *c, struct conn_req *cr, int status, const char *msg)
{
	struct serve_reply r;
	MHD_RESULT ret;

	serve_reply_init(&r);
	serve_reply_error(&r, status, "%s", msg);
	ret = send_reply(c, cr, &r, 0);
	serve_reply_free(&r);
	return ret;
}

/* ---- request handling --------------------------------------------------- */

struct args_ctx {
	struct serve_args *args;
	struct arena *a;
	int overflow;
};

static MHD_RESULT collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct args_ctx *ac = cls;
	struct serve_arg *arg;

	(void)kind;
	if (ac->args->n == SERVE_MAX_ARGS) {
		ac->overflow = 1;
		return MHD_NO;
	}
	arg = &ac->args->v[ac->args->n++];
	arg->key = arena_strdup(ac->a, key ? key : "");
	arg->value = arena_strdup(ac->a, value ? value : "");
	arg->value_len = strlen(arg->value);
	return MHD_YES;
}

static void client_addr(struct MHD_Connection *c, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(out, size, "-");
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr, out,
			  (socklen_t)size);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr,
			  out, (socklen_t)size);
}

static MHD_RESULT handle(struct serve *s, struct MHD_Connection *c, struct conn_req *cr,
			 const char *url, const char *method)
{
	struct serve_worker *w;
	struct serve_reply r;
	struct serve_req req;
	struct serve_args query;
	struct args_ctx ac;
	struct arena a;
	MHD_RESULT ret;

	arena_init(&a, 0);
	serve_reply_init(&r);
	memset(&query, 0, sizeof query);
	ac.args = &query;
	ac.a = &a;
	ac.overflow = 0;
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &ac);
	if (ac.overflow) {
		serve_reply_error(&r, 400, "more than %d query arguments", SERVE_MAX_ARGS);
		goto send;
	}
	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	req.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	req.query = &query;
	req.body = buf_str(&cr->body);
	req.body_len = cr->body.len;
	req.deadline_ns = cr->deadline_ns;
	w = take_worker(s);
	serve_route(w, &req, &a, &r);
	give_worker(s, w);
send:
	ret = send_reply(c, cr, &r, strcmp(method, "HEAD") == 0);
	serve_reply_free(&r);
	arena_free(&a);
	return ret;
}

static MHD_RESULT on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
			     const char *version, const char *upload_data, size_t *upload_data_size,
			     void **con_cls)
{
	struct serve *s = cls;
	struct conn_req *cr = *con_cls;

	(void)version;
	if (!cr) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		cr = xcalloc(1, sizeof *cr);
		buf_init(&cr->body, s->max_body);
		cr->start_ns = now_ns();
		cr->deadline_ns = check_deadline(s->time_limit_ms);
		snprintf(cr->method, sizeof cr->method, "%s", method);
		snprintf(cr->path, sizeof cr->path, "%s", url);
		*con_cls = cr;
		pthread_mutex_lock(&s->mu);
		s->n_active++;
		pthread_mutex_unlock(&s->mu);
		/* Refuse an announced oversize body before reading any of it. */
		if (cl && strtoull(cl, NULL, 10) > s->max_body) {
			char msg[128];
			cr->too_big = 1;
			snprintf(msg, sizeof msg, "the body is larger than the server's limit of %zu bytes",
				 s->max_body);
			return send_error(c, cr, 413, msg);
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* A body without a length (chunked) that outgrows the limit:
		 * libmicrohttpd cannot answer mid-upload, so the rest is read
		 * and dropped (no memory held), and 413 goes at the end. */
		if (!cr->too_big && buf_append(&cr->body, upload_data, *upload_data_size) != PC_OK) {
			cr->too_big = 2;
			buf_free(&cr->body);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (cr->too_big == 2) {
		char msg[128];
		cr->too_big = 1;
		snprintf(msg, sizeof msg, "the body is larger than the server's limit of %zu bytes", s->max_body);
		return send_error(c, cr, 413, msg);
	}
	if (cr->too_big)
		return MHD_YES; /* answered already */
	return handle(s, c, cr, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct serve *s = cls;
	struct conn_req *cr = *con_cls;

	if (!cr)
		return;
	if (s->o.access_log) {
		char addr[64], line[600], when[64];
		time_t t = time(NULL);
		struct tm tm;
		double ms = (double)(now_ns() - cr->start_ns) / 1e6;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		client_addr(c, addr, sizeof addr);
		snprintf(line, sizeof line, "%s %s \"%s %s\" %d %zu %.1fms%s", when, addr, cr->method, cr->path,
			 cr->status ? cr->status : 0, cr->bytes_out, ms,
			 toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (connection ended early)");
		s->o.access_log(s->o.cb_arg, line);
	}
	buf_free(&cr->body);
	free(cr);
	*con_cls = NULL;
	pthread_mutex_lock(&s->mu);
	s->n_active--;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct serve *s = cls;
	char msg[512];
	size_t n;

	if (!s->o.warn)
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	s->o.warn(s->o.cb_arg, msg);
}

/* ---- start and stop ----------------------------------------------------- */

static void free_workers(struct serve *s)
{
	size_t i;

	for (i = 0; s->workers && i < s->n_workers; i++) {
		if (s->workers[i].eng_ok)
			check_engine_free(&s->workers[i].eng);
		if (s->workers[i].db)
			db_close(s->workers[i].db);
	}
	free(s->workers);
	free(s->free_idx);
}

enum pc_rc serve_start(const struct serve_opts *o, struct serve **out, struct diag *d)
{
	struct sockaddr_in6 sa6;
	struct sockaddr_in sa4;
	struct sockaddr *sa;
	const char *bind_addr = o->bind ? o->bind : "127.0.0.1";
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_AUTO;
	const union MHD_DaemonInfo *di;
	struct serve *s;
	size_t i;
	enum pc_rc rc = PC_OK;

	if (o->n_threads < 1 || o->n_threads > SERVE_MAX_THREADS)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "threads: 1 to %u", SERVE_MAX_THREADS);
	if (o->port > 65535)
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0, "port %u: ports go from 0 to 65535", o->port);
	memset(&sa4, 0, sizeof sa4);
	memset(&sa6, 0, sizeof sa6);
	if (inet_pton(AF_INET, bind_addr, &sa4.sin_addr) == 1) {
		sa4.sin_family = AF_INET;
		sa4.sin_port = htons((uint16_t)o->port);
		sa = (struct sockaddr *)&sa4;
	} else if (inet_pton(AF_INET6, bind_addr, &sa6.sin6_addr) == 1) {
		sa6.sin6_family = AF_INET6;
		sa6.sin6_port = htons((uint16_t)o->port);
		sa = (struct sockaddr *)&sa6;
		flags |= MHD_USE_IPv6;
	} else {
		return diag_set(d, PC_ERR_USAGE, NULL, 0, 0,
				"'%s' is not an IP address (127.0.0.1, ::1, 0.0.0.0...)", bind_addr);
	}
	s = xcalloc(1, sizeof *s);
	s->o = *o;
	s->max_body = o->max_body ? o->max_body : SERVE_DEFAULT_MAX_BODY;
	s->time_limit_ms = o->time_limit_ms ? o->time_limit_ms : SERVE_DEFAULT_TIME_LIMIT_MS;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	s->n_workers = o->n_threads;
	s->workers = xcalloc(s->n_workers, sizeof *s->workers);
	s->free_idx = xcalloc(s->n_workers, sizeof *s->free_idx);
	for (i = 0; i < s->n_workers; i++) {
		struct serve_worker *w = &s->workers[i];
		w->version = o->version;
		if ((rc = db_open(o->db_path, DB_OPEN_READONLY, &w->db, d)) != PC_OK ||
		    (rc = check_engine_init(&w->eng, w->db, d)) != PC_OK)
			goto fail;
		w->eng_ok = 1;
		s->free_idx[s->n_free++] = i;
	}
	s->daemon = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, s,
				     MHD_OPTION_SOCK_ADDR, sa,
				     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->n_threads > 1 ? o->n_threads : 0),
				     MHD_OPTION_CONNECTION_LIMIT, SERVE_MAX_CONNECTIONS,
				     MHD_OPTION_CONNECTION_TIMEOUT, SERVE_IDLE_TIMEOUT_S,
				     MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
				     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, s,
				     MHD_OPTION_END);
	if (!s->daemon) {
		rc = diag_set(d, PC_ERR_IO, NULL, 0, 0, "cannot listen on %s port %u (in use, or not an address of this machine?)",
			      bind_addr, o->port);
		goto fail;
	}
	di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : o->port;
	*out = s;
	return PC_OK;
fail:
	free_workers(s);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s);
	return rc;
}

unsigned serve_port(const struct serve *s)
{
	return s->port;
}

void serve_stop(struct serve *s)
{
	struct timespec until;
	MHD_socket listen_fd;

	if (!s)
		return;
	/* Stop accepting; connections already open finish their requests.
	 * The listening socket is handed back to us to close. */
	listen_fd = MHD_quiesce_daemon(s->daemon);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SERVE_GRACE_MS / 1000;
	pthread_mutex_lock(&s->mu);
	while (s->n_active > 0)
		if (pthread_cond_timedwait(&s->cv, &s->mu, &until) != 0)
			break;
	pthread_mutex_unlock(&s->mu);
	MHD_stop_daemon(s->daemon);
	if (listen_fd != MHD_INVALID_SOCKET)
		close(listen_fd);
	free_workers(s);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
