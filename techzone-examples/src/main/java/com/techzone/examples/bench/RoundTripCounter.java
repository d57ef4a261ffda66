package com.techzone.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.LongAdder;
import javax.net.SocketFactory;

/**
 * A pgjdbc {@code socketFactory} that counts client-server round trips: each time a connection
 * reads after having written, the client waited for the server once. pgjdbc sends a statement with
 * its BEGIN (when autocommit is off), Parse, Bind and Execute in one write and reads the replies
 * after, so a statement is one round trip and a COMMIT another. The count is shared by every
 * connection made through this factory; read it around single-threaded work. Public with a public
 * constructor because pgjdbc instantiates it by name.
 */
public final class RoundTripCounter extends SocketFactory {

    private static final LongAdder ROUND_TRIPS = new LongAdder();

    /** Called by pgjdbc. */
    public RoundTripCounter() {
    }

    /** The round trips counted so far, by every connection of every pool configured with {@link #enable}. */
    static long count() {
        return ROUND_TRIPS.sum();
    }

    /** Makes {@code config}'s connections count their round trips; returns it. */
    static HikariConfig enable(HikariConfig config) {
        config.addDataSourceProperty("socketFactory", RoundTripCounter.class.getName());
        return config;
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new CountingSocket();
        socket.connect(address);
        return socket;
    }

    /** A plain socket whose streams note a write, and count the first read after one. */
    private static final class CountingSocket extends Socket {
        private boolean wrote;
        private InputStream input;
        private OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        replied();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        replied();
                        return super.read(b, off, len);
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        wrote = true;
                        out.write(b); // FilterOutputStream's own field: the socket's stream
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        wrote = true;
                        out.write(b, off, len);
                    }
                };
            }
            return output;
        }

        private void replied() {
            if (wrote) {
                wrote = false;
                ROUND_TRIPS.increment();
            }
        }
    }
}
