/**
 * Shown when the services cannot be reached at start-up. Translations may not be
 * loaded yet, so it says the essentials in both languages.
 */
export function BootError({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <main className="cw-auth" role="alert">
      <div className="cw-auth-panel cw-wide">
        <h1>Clearway cannot reach its services · Clearway 无法连接服务</h1>
        <p>
          The workstation window opened, but the local services did not answer. Close Clearway and start it again; if this keeps
          happening, export the logs from the user-data folder and contact support.
        </p>
        <p lang="zh-CN">
          工作站窗口已打开，但本地服务没有响应。请关闭 Clearway
          后重新启动；如果问题持续，请导出用户数据目录中的日志并联系技术支持。
        </p>
        <pre className="cw-notes cw-mono">{detail}</pre>
      </div>
    </main>
  );
}
