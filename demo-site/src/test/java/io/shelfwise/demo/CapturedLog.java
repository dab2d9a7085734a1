package io.shelfwise.demo;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * What the store logs while it is open, from both of its logging systems: log4j (Broadleaf, Spring, Shelfwise) and
 * java.util.logging (Tomcat). Levels are those the store's configuration lets through. Thread-safe.
 */
public final class CapturedLog implements AutoCloseable {

    /** One logged event: logger, level, message, and whether it carried a stack trace. */
    public static final class Line {
        public final String logger;
        public final String level;
        public final String message;
        public final boolean stackTrace;

        Line(String logger, String level, String message, boolean stackTrace) {
            this.logger = logger;
            this.level = level;
            this.message = message;
            this.stackTrace = stackTrace;
        }

        @Override
        public String toString() {
            return level + " " + logger + " - " + message + (stackTrace ? " [with stack trace]" : "");
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final AppenderSkeleton appender = new AppenderSkeleton() {
        @Override
        protected void append(LoggingEvent event) {
            add(new Line(event.getLoggerName(), event.getLevel().toString(), event.getRenderedMessage(),
                    event.getThrowableInformation() != null));
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    };
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                add(new Line(record.getLoggerName(), record.getLevel().getName(), record.getMessage(),
                        record.getThrown() != null));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
    }

    /** Starts capturing; {@link #close()} stops. */
    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getRootLogger().addAppender(log.appender);
        java.util.logging.Logger.getLogger("").addHandler(log.handler);
        return log;
    }

    private synchronized void add(Line line) {
        lines.add(line);
    }

    public synchronized List<Line> lines() {
        return new ArrayList<>(lines);
    }

    /** The lines whose logger's name contains {@code loggerPart}. */
    public synchronized List<Line> from(String loggerPart) {
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            if (line.logger != null && line.logger.contains(loggerPart)) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void close() {
        Logger.getRootLogger().removeAppender(appender);
        java.util.logging.Logger.getLogger("").removeHandler(handler);
    }
}
