using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Features.Comments;

/// <summary>Marks the action whose request body <see cref="CommentRequestBody"/> reads before MVC runs.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CommentRequestBodyAttribute : Attribute;

/// <summary>
/// The comment post's body, read once, before anything else can read it (antiforgery is an authorization filter
/// and reads the form before any resource filter runs, so a limit there comes too late):
/// <list type="bullet">
/// <item>an announced length over <see cref="CommentOptions.MaxRequestBytes"/> is answered 413 at once, unread;</item>
/// <item>any other body (chunked, or a length that lies) is read up to that limit and no further: one byte more is
/// a 413, and the server is told the limit so it stops reading too;</item>
/// <item>a body that arrives too slowly, ends early or whose client goes away gets the server's status (408, 400),
/// never a 500;</item>
/// <item>a field of the comment sent twice is a 400, not whichever copy model binding happens to take;</item>
/// <item>a form field holding a NUL (<c>%00</c>, which the framework's form reader refuses outright) loses the NUL, as
/// the comment text clean-up removes every other control character, so the comment is not thrown away for it.</item>
/// </list>
/// The form read here is the one antiforgery and model binding see.
/// </summary>
public static class CommentRequestBody
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The form sends each of these once; two names or two bodies are not a comment anyone typed.</summary>
    private static readonly string[] SingleFields =
        [nameof(CommentForm.Name), nameof(CommentForm.Email), nameof(CommentForm.Body), nameof(CommentForm.ParentId), nameof(CommentForm.Stamp)];

    /// <summary>After routing (it needs the endpoint) and the rate limiter (a client over its limit is not read at all).</summary>
    public static IApplicationBuilder UseCommentRequestBody(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<CommentRequestBodyAttribute>() is not null
                && await ReadAsync(context) is { } refused)
            {
                context.Response.StatusCode = refused;
                return;
            }

            await next(context);
        });

    /// <summary>Reads the form into the request's form feature; returns the status to answer with when it cannot.</summary>
    private static async Task<int?> ReadAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<CommentOptions>>().CurrentValue.MaxRequestBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return StatusCodes.Status413PayloadTooLarge;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            // Multipart (not what the form sends, but a browser may) is read by the framework within the same limit.
            return null;
        }

        byte[]? body;
        try
        {
            body = await ReadUpToAsync(request.Body, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict: 413 past the limit, 408 below the minimum data rate, 400 for a body cut short.
            return ex.StatusCode;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away mid-body: nobody will read the answer, and nothing was stored.
            return StatusCodes.Status400BadRequest;
        }

        if (body is null)
        {
            return StatusCodes.Status413PayloadTooLarge;
        }

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields;
        try
        {
            // The page is UTF-8, so its form is; a charset label cannot make the reader use UTF-7 or guess.
            fields = await new FormPipeReader(PipeReader.Create(new ReadOnlySequence<byte>(WithoutEncodedNul(body))), Encoding.UTF8)
                .ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // More than 1,024 fields, a key over 2,048 characters: not a form anyone filled in.
            return StatusCodes.Status400BadRequest;
        }

        if (SingleFields.Any(name => fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Sum(f => f.Value.Count) > 1))
        {
            return StatusCodes.Status400BadRequest;
        }

        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        return null;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadUpToAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var read = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (read.Length + count > limit)
            {
                return null;
            }

            read.Write(chunk, 0, count);
        }

        return read.ToArray();
    }

    /// <summary>The body with every <c>%00</c> escape taken out; other escapes (<c>%2500</c> is "%00" typed) untouched.</summary>
    private static byte[] WithoutEncodedNul(byte[] body)
    {
        if (body.AsSpan().IndexOf("%00"u8) < 0)
        {
            return body;
        }

        var kept = new byte[body.Length];
        var length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }

            if (body[i] == (byte)'%' && i + 2 < body.Length && char.IsAsciiHexDigit((char)body[i + 1]) && char.IsAsciiHexDigit((char)body[i + 2]))
            {
                // Some other escape: copy it whole, so its digits are never read as the start of one.
                kept[length++] = body[i++];
                kept[length++] = body[i++];
            }

            kept[length++] = body[i];
        }

        return kept[..length];
    }
}
