# Functions the benchmark scripts share; sourced (`. tests/load/lib.sh`), not run.

# usage: prints the script's opening comment (the lines after #! up to the first that is not a comment) without its #s.
usage() {
  sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# parse_options SPEC... -- ARG...: sets the script's settings from its command line ARGs. A SPEC --option=VAR takes a
# value ("--option VALUE" sets VAR to VALUE); a SPEC --option=VAR=VALUE is a switch ("--option" sets VAR to VALUE).
# -h or --help prints the usage and exits 0; an unknown option, or an option without its value, exits 2.
parse_options() {
  local -A takes=() switches=()
  while [[ "$1" != -- ]]; do
    local option="${1%%=*}" spec="${1#*=}"
    if [[ "$spec" == *=* ]]; then switches[$option]="$spec"; else takes[$option]="$spec"; fi
    shift
  done
  shift
  while [[ $# -gt 0 ]]; do
    if [[ -n "${takes[$1]:-}" ]]; then
      [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; usage >&2; exit 2; }
      printf -v "${takes[$1]}" '%s' "$2"
      shift 2
    elif [[ -n "${switches[$1]:-}" ]]; then
      printf -v "${switches[$1]%%=*}" '%s' "${switches[$1]#*=}"
      shift
    elif [[ "$1" == -h || "$1" == --help ]]; then
      usage
      exit 0
    else
      echo "unknown argument: $1" >&2; usage >&2; exit 2
    fi
  done
}

# wait_until_ready URL LOG SECONDS [PID]: polls URL/healthz/ready twice a second until it answers 200; if it does not
# within SECONDS, or the process PID exits first, prints the end of LOG and exits the script with 1.
wait_until_ready() {
  local url="$1" log="$2" seconds="$3" pid="${4:-}"
  for _ in $(seq 1 $((seconds * 2))); do
    curl -fs "$url/healthz/ready" >/dev/null 2>&1 && return 0
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "the site exited before it was ready:" >&2; tail -30 "$log" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "the site was not ready within $seconds s:" >&2; tail -30 "$log" >&2; exit 1
}

# static_nginx_conf DIR ROOT PORT LOCATION...: prints an nginx.conf that serves files from ROOT on 127.0.0.1:PORT as a
# static file server does (sendfile, no access log, long keep-alive), with its pid, error log and temp folders in DIR
# and each LOCATION (an nginx location block) in its server.
static_nginx_conf() {
  local dir="$1" root="$2" port="$3"; shift 3
  cat <<CONF
daemon off;
master_process on;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/temp/client_body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    keepalive_requests 100000;
    sendfile on;
    types { text/html html; }
    server {
        listen 127.0.0.1:$port;
        root $root;
$(printf '        %s\n' "$@")
    }
}
CONF
}
