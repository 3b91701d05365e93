import { describe, expect, it } from 'vitest';
import { failureForStatus, notJsonFailure, serverWords, textOfHtml } from './describeHttpFailure';

describe('the server’s own words in a failure', () => {
  it('reads the contract’s error body, OGC exceptions, problem+json and ArcGIS errors', () => {
    expect(failureForStatus(410, '{"error":"cursor-expired","message":"too old"}', 'stream')).toEqual({ code: 'cursor-expired', reason: 'stream: HTTP 410 too old', status: 410, detail: 'too old' });
    expect(serverWords('{"code":"InvalidParameterValue","description":"bbox is four numbers"}')).toBe('bbox is four numbers');
    expect(serverWords('{"type":"about:blank","title":"Forbidden","detail":"token expired"}')).toBe('token expired');
    expect(serverWords('{"error":{"code":498,"message":"Invalid token."}}')).toBe('Invalid token.');
  });

  it('reads an HTML error page as text: MapServer, nginx', () => {
    const mapserver = '<HTML><HEAD><TITLE>MapServer Message</TITLE></HEAD><!-- MapServer version 8.0.0 --><BODY BGCOLOR="#FFFFFF">msLoadMap(): Unable to access file. (/srv/map/missing.map)</BODY></HTML>';
    expect(failureForStatus(500, mapserver, 'ogc items', 'text/html')).toMatchObject({
      code: 'http',
      status: 500,
      detail: 'MapServer Message — msLoadMap(): Unable to access file. (/srv/map/missing.map)',
    });
    const nginx = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>';
    expect(textOfHtml(nginx)).toBe('502 Bad Gateway nginx/1.22.1');
    expect(failureForStatus(504, nginx.replaceAll('502 Bad Gateway', '504 Gateway Time-out'), 'snapshot', 'text/html').code).toBe('timeout');
  });

  it('never carries markup or scripts, and keeps a sentence, not a page', () => {
    const hostile = `<html><head><script>alert(1)</script><style>p{}</style></head><body><p onclick="x()">服务&lt;维护&gt;中 &amp; 稍后</p>${'很长'.repeat(500)}</body></html>`;
    const words = serverWords(hostile, 'text/html')!;
    // Text decoded from entities may hold a "<"; it is shown as text. No tag, script or style survives.
    expect(words).not.toMatch(/<\/?[a-z]|alert\(1\)|onclick|p\{\}/i);
    expect(words.startsWith('服务<维护>中 & 稍后')).toBe(true);
    expect(words.length).toBeLessThanOrEqual(200);
  });

  it('names a login page that answered 200 for what it is', () => {
    const failure = notJsonFailure('<!doctype html><html><head><title>统一身份认证平台</title></head><body><form>用户名 密码</form></body></html>', 'backend snapshot', 'text/html; charset=utf-8');
    expect(failure).toMatchObject({ code: 'not-json', detail: expect.stringMatching(/^统一身份认证平台/) });
    expect(failure.reason).toMatch(/not JSON .*HTML page/);
  });
});
