export default function Home() {
  return (
    <main className="mx-auto max-w-5xl p-4">
      <h1 className="text-2xl font-semibold">Hoptrace</h1>
      <p>Email header analyzer.</p>
    </main>
  );
}
