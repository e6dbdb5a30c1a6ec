# Showreel's edge cache: Debian's varnish 7 with the xkey module (package varnish-modules).
#   varnishd -a :6081 -f /path/to/deploy/varnish/default.vcl
# Public surfaces are kept until the app purges their tags (the xkey header of each answer); the
# app sends its purges here when EDGE_PURGE_URL names this address. See docs/deploy.md#an-edge-cache.
vcl 4.1;

import xkey;

# The app (npm start, or the load balancer in front of its instances): the one line to change.
backend default { .host = "127.0.0.1"; .port = "3000"; }

# Who may purge: the app's own addresses. Add every host an app instance or the worker runs on.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the tags in xkey-purge"));
        }
        # A hard purge: the next visitor's request goes to the app, never to a stale copy.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The public surfaces: the same for everyone, so a visitor's cookies are dropped and never reach
    # the app (which then sets none). Everything else (dashboard, sign-in, session APIs, sandbox,
    # the landing page that sends a signed-in creator on) goes to the app, never from the cache.
    if (req.url ~ "^/(u/|embed/|embed\.js|img/|api/public/|api/oembed|sitemap|robots\.txt$|_next/static/)") {
        unset req.http.Cookie;
        # Two copies of each answer, gzip and plain, each fetched as such (Varnish would otherwise
        # keep the gzip copy alone and unzip it for every client that takes no gzip).
        if (req.http.Accept-Encoding ~ "gzip") {
            set req.http.X-Accept-Encoding = "gzip";
        } else {
            unset req.http.X-Accept-Encoding;
        }
        if (req.http.Authorization) {
            return (pass);
        }
        return (hash);
    }
    return (pass);
}

sub vcl_hash {
    hash_data(req.http.X-Accept-Encoding);
    # Client navigations ask for a page's RSC payload at the page's own URL: kept apart from the HTML,
    # one copy per kind of request (a prefetch, a segment, a full payload).
    if (req.http.RSC) {
        hash_data("rsc");
        hash_data(req.http.Next-Router-Prefetch);
        hash_data(req.http.Next-Router-Segment-Prefetch);
        hash_data(req.http.Next-Router-State-Tree);
    }
}

sub vcl_backend_fetch {
    if (bereq.http.X-Accept-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Accept-Encoding;
    } else {
        unset bereq.http.Accept-Encoding;
    }
    unset bereq.http.X-Accept-Encoding;
}

sub vcl_backend_response {
    # Nothing that sets a cookie is stored: the answer goes to its one client (and the URL is passed
    # to the app for two minutes).
    if (beresp.http.Set-Cookie) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The app's Cache-Control decides the rest (public surfaces: s-maxage of a year, purged by tag;
    # private ones: private, no-store, which Varnish's built-in rules never store).
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for this cache alone.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
