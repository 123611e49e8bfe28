using System;
using System.Net.Sockets;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// When a conversion POST may be sent again. impact.com offers no idempotency key, so a POST that may have
/// reached the service is never repeated: only failures that prove it was not processed are retried.
/// </summary>
internal static class ConversionDelivery
{
    /// <summary>
    /// True when the request surely did not reach impact.com's processing: the connection was refused or the
    /// name did not resolve (nothing was sent), or impact.com answered 429 or 503 (refused before processing).
    /// A timeout, a connection lost after sending, and every other status are not retried.
    /// </summary>
    public static bool SurelyNotDelivered(Exception failure) => failure switch
    {
        ImpactApiException { StatusCode: 429 or 503 } => true,
        ImpactApiException => false,
        System.Net.Http.HttpRequestException e => NotConnected(e),
        _ => false,
    };

    private static bool NotConnected(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.TryAgain or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
            }
        }

        return false;
    }
}
