/** A design meeting that settles two things (u1-u2, u7) and hands out one piece of work (u8). */
export const DESIGN_REVIEW_VTT = `WEBVTT

00:00:00.000 --> 00:00:05.000
<v Laura>The rubber case costs more than we have.

00:00:05.000 --> 00:00:10.000
<v David>Then I think we're gonna have to skip the rubber.

00:00:10.000 --> 00:00:15.000
<v Laura>Okay, we'll stick to the plastic case then.

00:00:15.000 --> 00:00:20.000
<v David>Fine by me.

00:00:20.000 --> 00:00:25.000
<v Laura>The weather has been lovely this week, hasn't it?

00:00:25.000 --> 00:00:30.000
<v David>It has, we went walking on Sunday.

00:00:30.000 --> 00:00:35.000
<v Laura>The hills were beautiful in the morning light.

00:00:35.000 --> 00:00:40.000
<v David>About the buttons: we decided on the yellow buttons, right?

00:00:40.000 --> 00:00:45.000
<v Laura>Yes. David, could you send the supplier the new drawings by Friday?

00:00:45.000 --> 00:00:50.000
<v David>Sure.
`;
