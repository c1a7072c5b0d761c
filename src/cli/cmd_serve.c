/*
 * cmd_serve.c: `placecheck serve` - the HTTP API and the web page
 * (src/serve/).  This file parses the options, prints the address and the
 * access log, and waits for SIGTERM or SIGINT, on which the server stops
 * accepting, finishes the requests in flight and exits 0.
 */
#include "cli/cli.h"

#include "serve/serve.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct option serve_opts[] = {
	{ "bind", required_argument, NULL, 'b' },
	{ "port", required_argument, NULL, 'p' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "max-body", required_argument, NULL, 'm' },
	{ "time-limit", required_argument, NULL, 't' },
	{ "access-log", required_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 },
};

/* Port when none is given (LanguageTool's is 8081; this one is free of it). */
#define SERVE_CLI_DEFAULT_PORT 8765

struct serve_cli {
	FILE *log;                  /* access log, or NULL */
};

static void write_log(void *arg, const char *line)
{
	struct serve_cli *sc = arg;

	if (!sc->log)
		return;
	flockfile(sc->log); /* one whole line at a time from any thread */
	fputs(line, sc->log);
	fputc('\n', sc->log);
	fflush(sc->log);
	funlockfile(sc->log);
}

static void write_warn(void *arg, const char *msg)
{
	(void)arg;
	cli_warn("serve: %s", msg);
}

/* Whole number from S in [LO, HI], or -1. */
static long number(const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	return s[0] && !*end && !errno && v >= lo && v <= hi ? v : -1;
}

/* "2M", "512K", "100000" -> bytes; 0 if malformed. */
static size_t bytes_of(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	double mul = 1;

	if (end == s || v <= 0)
		return 0;
	if (*end == 'K' || *end == 'k')
		mul = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		mul = 1024 * 1024, end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || v * mul > SERVE_MAX_MAX_BODY || v * mul < 1)
		return 0;
	return (size_t)(v * mul);
}

static int is_loopback(const char *addr)
{
	return strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0;
}

static int serve_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct serve_opts o;
	struct serve_cli sc = { 0 };
	struct serve *s = NULL;
	const char *log_path = NULL;
	sigset_t set;
	struct diag d;
	int c, sig = 0, rc = CLI_EXIT_ERROR;
	long v;

	memset(&o, 0, sizeof o);
	o.port = SERVE_CLI_DEFAULT_PORT;
	o.n_threads = 0;
	while ((c = getopt_long(argc, argv, "b:p:j:", serve_opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			o.bind = optarg;
			break;
		case 'p':
			if ((v = number(optarg, 0, 65535)) < 0) {
				cli_error("serve: --port takes a number from 0 (any free port) to 65535");
				return CLI_EXIT_ERROR;
			}
			o.port = (unsigned)v;
			break;
		case 'j':
			if ((v = number(optarg, 1, SERVE_MAX_THREADS)) < 0) {
				cli_error("serve: -j takes a number from 1 to %u", SERVE_MAX_THREADS);
				return CLI_EXIT_ERROR;
			}
			o.n_threads = (unsigned)v;
			break;
		case 'm':
			if (!(o.max_body = bytes_of(optarg))) {
				cli_error("serve: --max-body takes a size up to 64M (2M, 512K, 100000)");
				return CLI_EXIT_ERROR;
			}
			break;
		case 't': {
			char *end;
			double t = strtod(optarg, &end);
			if (end == optarg || *end || !(t >= 0.001 && t <= 3600)) {
				cli_error("serve: --time-limit takes seconds, from 0.001 to 3600");
				return CLI_EXIT_ERROR;
			}
			o.time_limit_ms = (unsigned long)(t * 1000 + 0.5);
			break;
		}
		case 'a':
			log_path = optarg;
			break;
		default:
			cli_usage(stderr, &cmd_serve_entry);
			return CLI_EXIT_ERROR;
		}
	}
	if (optind < argc) {
		cli_usage(stderr, &cmd_serve_entry);
		return CLI_EXIT_ERROR;
	}
	if (!o.n_threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.n_threads = n < 1 ? 1 : n > (long)SERVE_MAX_THREADS ? SERVE_MAX_THREADS : (unsigned)n;
	}
	if (log_path) {
		sc.log = strcmp(log_path, "-") == 0 ? stdout : fopen(log_path, "a");
		if (!sc.log) {
			cli_error("serve: %s: cannot open the access log: %s", log_path, strerror(errno));
			return CLI_EXIT_ERROR;
		}
	}
	o.db_path = ctx->db_path;
	o.version = PLACECHECK_VERSION;
	o.access_log = write_log;
	o.warn = write_warn;
	o.cb_arg = &sc;

	/* Every thread the server starts inherits this mask, so the signals
	 * reach sigwait() below and nothing else. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	diag_clear(&d);
	if (serve_start(&o, &s, &d) != PC_OK) {
		cli_error("serve: %s", d.msg);
		goto done;
	}
	if (o.bind && !is_loopback(o.bind))
		cli_warn("serve: listening on %s: other machines can reach this server; "
			 "bind beyond loopback only on a trusted network", o.bind);
	fprintf(stderr, "placecheck: listening on http://%s%s%s:%u/ (%u threads; stop with Ctrl-C or SIGTERM)\n",
		o.bind && strchr(o.bind, ':') ? "[" : "", o.bind ? o.bind : "127.0.0.1",
		o.bind && strchr(o.bind, ':') ? "]" : "", serve_port(s), o.n_threads);
	fflush(stderr);
	if (sigwait(&set, &sig) != 0)
		sig = SIGTERM;
	if (!ctx->quiet)
		fprintf(stderr, "placecheck: %s: finishing the requests in flight, then stopping\n",
			sig == SIGINT ? "interrupted" : sig == SIGHUP ? "hang-up" : "terminated");
	serve_stop(s);
	rc = CLI_EXIT_OK;
done:
	if (sc.log && sc.log != stdout)
		fclose(sc.log);
	return rc;
}

const struct cmd_entry cmd_serve_entry = {
	.name = "serve",
	.alias = NULL,
	.usage = "[--bind ADDR] [--port N] [-j N] [--max-body SIZE] [--time-limit S] [--access-log FILE]",
	.summary = "Serve the HTTP API (placecheck's own and LanguageTool's) and a web page.",
	.help = "options:\n"
		"  -b, --bind ADDR        address to listen on (default 127.0.0.1; another\n"
		"                         address lets other machines in: trusted networks only)\n"
		"  -p, --port N           port (default 8765; 0: any free port, printed at start)\n"
		"  -j, --jobs N           worker threads, each with its own engine (default:\n"
		"                         the number of CPUs)\n"
		"      --max-body SIZE    largest request body, answered 413 above it\n"
		"                         (default 2M; K and M suffixes)\n"
		"      --time-limit S     seconds a check may take, answered 503 past it\n"
		"                         (default 10)\n"
		"      --access-log FILE  append one line per request to FILE (- for stdout)\n"
		"      --db PATH          the gazetteer database\n"
		"Endpoints: GET / (web page), POST /api/v1/check, GET /api/v1/query?q=NAME,\n"
		"POST /v2/check and GET /v2/languages (LanguageTool's API).\n"
		"Stops on SIGTERM or SIGINT after the requests in flight.\n",
	.opts = serve_opts,
	.min_args = 0,
	.max_args = 0,
	.flags = 0,
	.exec = serve_exec,
};
