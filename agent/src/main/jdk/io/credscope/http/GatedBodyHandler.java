package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The body handler credscope puts in place of the application's for a {@code java.net.http} AWS call it may send
 * again. A success goes straight to the application's handler. An error's body is held back until its first bytes
 * tell whether the call is sent again: if so, it is read to its end and dropped, which lets its connection go, and
 * the application's handler never hears of this answer; if not, the application's handler gets this answer whole,
 * the held bytes first. So the application's handler is applied once, to the call's last answer, whatever it makes
 * of it: a string, a stream, lines, a file or a subscriber of its own. Compiled against {@code java.net.http} at the
 * Java 8 level; made only on JDKs that have it.
 */
final class GatedBodyHandler implements HttpResponse.BodyHandler<Object>, JavaHttpGate {

  private final HttpResponse.BodyHandler<Object> application;
  private final JavaHttpExchange exchange;

  @SuppressWarnings("unchecked")
  GatedBodyHandler(Object application, JavaHttpExchange exchange) {
    this.application = (HttpResponse.BodyHandler<Object>) application;
    this.exchange = exchange;
  }

  @Override
  public JavaHttpExchange exchange() {
    return exchange;
  }

  @Override
  public HttpResponse.BodySubscriber<Object> apply(HttpResponse.ResponseInfo info) {
    if (info.statusCode() < 400) {
      exchange.answered(info.statusCode(), null, null, null, null, null, 0, true);
      return application.apply(info);
    }
    return new HeldBody(info);
  }

  private static String header(HttpHeaders headers, String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** An error's body, held until the call's retry is decided. */
  private final class HeldBody implements HttpResponse.BodySubscriber<Object> {
    private final HttpResponse.ResponseInfo info;
    private final CompletableFuture<Object> body = new CompletableFuture<Object>();
    /** The bytes read before the decision; after it, those the application's subscriber has yet to get. */
    private final List<ByteBuffer> held = new ArrayList<ByteBuffer>();
    private int heldBytes;
    private Flow.Subscription upstream;
    private volatile boolean decided;
    /** The application's subscriber once this answer is the call's; {@code null} while undecided, or dropped. */
    private HttpResponse.BodySubscriber<Object> delivered;
    private Replay replay;
    /** Whether the body ended before the decision. */
    private boolean endedEarly;

    HeldBody(HttpResponse.ResponseInfo info) {
      this.info = info;
    }

    @Override
    public CompletionStage<Object> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      upstream = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (!decided) {
        for (ByteBuffer item : items) {
          held.add(item);
          heldBytes += item.remaining();
        }
        if (heldBytes >= AwsErrorClassifier.BODY_SCAN_LIMIT) {
          decide();
        } else {
          upstream.request(1);
        }
      } else if (delivered != null) {
        delivered.onNext(items);
      } else {
        // Dropped: read to the end, so that the connection can serve the retry.
        upstream.request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      if (decided && delivered != null) {
        delivered.onError(failure);
      } else {
        body.completeExceptionally(failure);
      }
    }

    @Override
    public void onComplete() {
      if (!decided) {
        endedEarly = true;
        decide();
      } else if (delivered != null) {
        replay.upstreamEnded();
      } else {
        body.complete(null);
      }
    }

    private void decide() {
      decided = true;
      byte[] prefix = new byte[Math.min(heldBytes, AwsErrorClassifier.BODY_SCAN_LIMIT)];
      int copied = 0;
      for (ByteBuffer item : held) {
        ByteBuffer view = item.duplicate();
        int count = Math.min(view.remaining(), prefix.length - copied);
        view.get(prefix, copied, count);
        copied += count;
      }
      HttpHeaders headers = info.headers();
      boolean last = exchange.answered(info.statusCode(), header(headers, "x-amzn-query-error"),
          header(headers, "X-Amzn-ErrorType"), header(headers, "Retry-After"), header(headers, "x-amz-retry-after"),
          prefix, prefix.length, endedEarly && heldBytes <= AwsErrorClassifier.BODY_SCAN_LIMIT);
      if (!last) {
        held.clear();
        if (endedEarly) {
          body.complete(null);
        } else {
          upstream.request(Long.MAX_VALUE);
        }
        return;
      }
      try {
        delivered = application.apply(info);
      } catch (RuntimeException | Error failure) {
        upstream.cancel();
        body.completeExceptionally(failure);
        return;
      }
      delivered.getBody().whenComplete(new BiConsumer<Object, Throwable>() {
        @Override
        public void accept(Object value, Throwable failure) {
          if (failure != null) {
            body.completeExceptionally(failure);
          } else {
            body.complete(value);
          }
        }
      });
      replay = new Replay(endedEarly);
      delivered.onSubscribe(replay);
    }

    /**
     * The application's subscription: the held bytes first, as it asks for them, then the rest of the body as it
     * arrives, its demand passed on to the client.
     */
    private final class Replay implements Flow.Subscription {
      private final AtomicLong demand = new AtomicLong();
      private final AtomicInteger draining = new AtomicInteger();
      private volatile boolean cancelled;
      private volatile boolean ended;
      private boolean told;

      Replay(boolean ended) {
        this.ended = ended;
      }

      @Override
      public void request(long count) {
        if (count <= 0) {
          cancel();
          delivered.onError(new IllegalArgumentException("non-positive subscription request: " + count));
          return;
        }
        long before;
        do {
          before = demand.get();
        } while (!demand.compareAndSet(before, before + count < 0 ? Long.MAX_VALUE : before + count));
        drain();
      }

      @Override
      public void cancel() {
        cancelled = true;
        upstream.cancel();
      }

      void upstreamEnded() {
        ended = true;
        drain();
      }

      /** One thread at a time hands over what is due; a request from inside {@code onNext} is taken by the loop. */
      private void drain() {
        if (draining.getAndIncrement() != 0) {
          return;
        }
        do {
          while (!cancelled && !held.isEmpty() && demand.get() > 0) {
            demand.decrementAndGet();
            delivered.onNext(Collections.singletonList(held.remove(0)));
          }
          if (!cancelled && held.isEmpty()) {
            if (ended) {
              if (!told) {
                told = true;
                delivered.onComplete();
              }
            } else {
              long passed = demand.getAndSet(0);
              if (passed > 0) {
                upstream.request(passed);
              }
            }
          }
        } while (draining.decrementAndGet() != 0);
      }
    }
  }
}
