namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Drops the characters XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE/U+FFFF; unpaired
/// surrogates) as the text streams by. WordPress exports them from posts pasted out of word processors, and
/// XmlReader refuses a file holding even one, whatever its settings. Counts what it drops for the summary.
/// </summary>
public sealed class XmlCharacterFilter(TextReader inner) : TextReader
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;

    // A high surrogate read at the end of one block waits here for its partner in the next.
    private char? _heldHigh;

    public long Dropped { get; private set; }

    public override int Peek()
    {
        if (!Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _length - _position);
        _buffer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_position >= _length)
        {
            var raw = new char[_buffer.Length - 1];
            var read = inner.Read(raw, 0, raw.Length);
            _position = 0;
            _length = 0;
            if (read == 0)
            {
                if (_heldHigh is not null)
                {
                    _heldHigh = null;
                    Dropped++;
                }

                return false;
            }

            for (var i = 0; i < read; i++)
            {
                var ch = raw[i];
                if (_heldHigh is { } high)
                {
                    _heldHigh = null;
                    if (char.IsLowSurrogate(ch))
                    {
                        _buffer[_length++] = high;
                        _buffer[_length++] = ch;
                        continue;
                    }

                    Dropped++;
                }

                if (char.IsHighSurrogate(ch))
                {
                    _heldHigh = ch;
                }
                else if (IsAllowed(ch))
                {
                    _buffer[_length++] = ch;
                }
                else
                {
                    Dropped++;
                }
            }
        }

        return true;
    }

    private static bool IsAllowed(char ch) =>
        ch is '\t' or '\n' or '\r'
        || (ch >= '\u0020' && ch <= '\uD7FF')
        || (ch >= '\uE000' && ch <= '\uFFFD');
}
