/** A buyer's or donor's name and email, as the checkout and the donation page ask for them (the server validates again). */
export function BuyerFields({ name, email }: { name: string; email: string }) {
  const input = 'mt-1 w-full rounded-md border border-stone-500 px-3 py-2';
  return (
    <>
      <div>
        <label htmlFor="name" className="block font-semibold">
          Name
        </label>
        <input id="name" name="name" defaultValue={name} required maxLength={120} autoComplete="name" className={input} />
      </div>
      <div>
        <label htmlFor="email" className="block font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" defaultValue={email} required maxLength={254} autoComplete="email" className={input} />
      </div>
    </>
  );
}
